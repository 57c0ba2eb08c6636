using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Specs;

/// <summary>
/// Re-saves an uploaded spec as the real server stores it: KFP parses it into the PipelineSpec (and PlatformSpec)
/// proto and writes it back with <c>protojson.Marshal</c>, which drops every field holding its proto3 default
/// (<c>false</c>, <c>0</c>, <c>""</c>, an empty list or map, an <c>*_UNSPECIFIED</c> enum) but keeps set messages even
/// when empty (<c>cachingOptions: {}</c>) and a set oneof member, writes proto field names in lowerCamel, and leaves
/// the contents of <c>google.protobuf.Value</c>/<c>Struct</c> fields (the PipelineSpec's whole <c>deploymentSpec</c>
/// among them) untouched. The compiler's <c>ProtoDefaults</c> follows the same rules; both are tested against
/// tests/Kfp.Compiler.Tests/TestData/proto-defaults/cases.json. Without the proto descriptors, which JSON objects are
/// maps, which are Struct/Value and which are messages is known by field name (listed below).
/// </summary>
internal static class SpecResaver
{
    /// <summary>Map fields of pipeline_spec.proto: their keys are data (component, task, parameter names).</summary>
    private static readonly HashSet<string> MapFields =
        ["components", "tasks", "parameters", "artifacts", "outputArtifactQueries", "platforms", "mappedParameters"];

    /// <summary>google.protobuf.Value/Struct fields of the PipelineSpec (its <c>deploymentSpec</c> is a Struct): copied as they are.</summary>
    private static readonly HashSet<string> PipelineValueFields =
        ["deploymentSpec", "defaultValue", "constant", "metadata", "literals", "customJob", "parameterValues", "config"];

    /// <summary>The same in the PlatformSpec, whose <c>deploymentSpec.executors</c> map holds Structs.</summary>
    private static readonly HashSet<string> PlatformValueFields = ["config", "pvcSpecPatch"];

    /// <summary>Scalar members of a <c>oneof</c>: once set, protojson writes them even when they hold the default.</summary>
    private static readonly HashSet<string> OneofScalars =
    [
        "executorLabel", "componentInputArtifact", "componentInputParameter", "raw", "inputParameter",
        "schemaTitle", "schemaUri", "instanceSchema", "runtimeParameter", "intValue", "doubleValue", "stringValue",
    ];

    public static JsonObject PipelineSpec(JsonObject spec) => (JsonObject)Message(spec, platform: false)!;

    /// <summary>The platform document: <c>platforms.&lt;name&gt;.deploymentSpec.executors</c> values are Structs.</summary>
    public static JsonObject PlatformSpec(JsonObject spec) => (JsonObject)Message(spec, platform: true)!;

    private static JsonObject? Message(JsonObject message, bool platform)
    {
        var result = new JsonObject();
        foreach (var (rawKey, value) in message)
        {
            var key = Camel(rawKey);
            JsonNode? kept;
            if ((platform ? PlatformValueFields : PipelineValueFields).Contains(key))
            {
                kept = value?.DeepClone();
            }
            else if (platform && key == "executors" && value is JsonObject structs)
            {
                kept = structs.Count == 0 ? null : structs.DeepClone();
            }
            else if (MapFields.Contains(key) && value is JsonObject map)
            {
                kept = Map(map, platform);
            }
            else if (!platform && OneofScalars.Contains(key) && value is JsonValue)
            {
                kept = value.DeepClone();
            }
            else
            {
                kept = Field(value, platform);
            }
            if (kept is not null)
            {
                result[key] = kept;
            }
        }
        return result;
    }

    private static JsonObject? Map(JsonObject map, bool platform)
    {
        if (map.Count == 0)
        {
            return null;
        }
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            // A map value is always written, even an empty message.
            result[key] = value is JsonObject entry ? Message(entry, platform) : value?.DeepClone();
        }
        return result;
    }

    /// <summary>A singular or repeated field: null when it holds its default and is therefore not written.</summary>
    private static JsonNode? Field(JsonNode? value, bool platform) => value switch
    {
        null => null,
        JsonObject obj => Message(obj, platform),
        JsonArray { Count: 0 } => null,
        JsonArray array => new JsonArray([.. array.Select(item => item is JsonObject o ? Message(o, platform) : item?.DeepClone())]),
        JsonValue scalar => IsDefault(scalar) ? null : scalar.DeepClone(),
        _ => value.DeepClone(),
    };

    private static bool IsDefault(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.False => true,
        JsonValueKind.Number => double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == 0,
        JsonValueKind.String => value.GetValue<string>() is var s && (s.Length == 0 || s.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>protojson writes lowerCamel names; the proto (snake_case) name is accepted on input.</summary>
    private static string Camel(string name)
    {
        if (!name.Contains('_', StringComparison.Ordinal))
        {
            return name;
        }
        var builder = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }
}
