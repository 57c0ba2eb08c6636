using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// The spec as a KFP server stores it. The server parses an upload into the <c>PipelineSpec</c> (and
/// <c>PlatformSpec</c>) proto and keeps what <c>protojson.Marshal</c> writes back, which leaves out every proto3
/// field holding its default (<c>false</c>, <c>0</c>, <c>""</c>, an empty list or map, an <c>*_UNSPECIFIED</c>
/// enum) and writes field names in lowerCamel. A set message stays even when empty (<c>cachingOptions: {}</c>),
/// map entries and list elements always stay, and the contents of <c>google.protobuf.Value</c>/<c>Struct</c>
/// fields are written as they are (<c>defaultValue: 0</c> is a value). Hashing the stripped form makes a spec
/// and the server's copy of it hash the same. Without the proto descriptors, fields are known by name (below,
/// from pipeline_spec.proto and kubernetes_executor_config.proto of kubeflow/pipelines 2.17).
/// </summary>
public static class ProtoDefaults
{
    /// <summary>Map fields: their keys are data (component, task, parameter names) and each entry is kept.</summary>
    private static readonly HashSet<string> MapFields =
        ["components", "tasks", "parameters", "artifacts", "outputArtifactQueries", "platforms", "mappedParameters"];

    /// <summary>Fields of type google.protobuf.Value/Struct (or lists/maps of them) in the PipelineSpec.</summary>
    private static readonly HashSet<string> PipelineValueFields =
        ["deploymentSpec", "defaultValue", "constant", "metadata", "literals", "customJob", "parameterValues", "config"];

    /// <summary>Scalar members of a <c>oneof</c>: set, they are written even when they hold the default.</summary>
    private static readonly HashSet<string> OneofScalars =
    [
        "executorLabel", "componentInputArtifact", "componentInputParameter", "raw", "inputParameter",
        "schemaTitle", "schemaUri", "instanceSchema", "runtimeParameter", "intValue", "doubleValue", "stringValue",
    ];

    /// <summary>The same in the PlatformSpec; its <c>deploymentSpec</c> is a message whose <c>executors</c> map holds Structs.</summary>
    private static readonly HashSet<string> PlatformValueFields = ["config", "pvcSpecPatch"];

    /// <summary>A copy of <paramref name="document"/> as the server re-saves it; the input is not changed.</summary>
    public static IrDocument Strip(IrDocument document) => new(
        Message(document.PipelineSpec, platform: false),
        document.PlatformSpec is null ? null : Message(document.PlatformSpec, platform: true));

    /// <summary>
    /// The same as <see cref="Strip"/>, done in place on a document the caller owns: nodes are moved, not copied, and
    /// each message's fields come out sorted by key (a compile normalises what it loaded once, without a second tree).
    /// </summary>
    internal static IrDocument StripOwned(IrDocument document)
    {
        MessageInPlace(document.PipelineSpec, platform: false);
        if (document.PlatformSpec is { } platformSpec)
        {
            MessageInPlace(platformSpec, platform: true);
        }

        return document;
    }

    private static void MessageInPlace(JsonObject message, bool platform)
    {
        // Most messages keep every field under its own name in sorted order: then nothing is moved at all.
        // Walked by index: a JsonObject's enumerator is an interface, one allocation per message.
        List<(string Key, JsonNode Value, int Position)>? kept = null;
        string? previous = null;
        for (var index = 0; index < message.Count; index++)
        {
            var (rawKey, value) = message.GetAt(index);
            var key = LowerCamel(rawKey);
            var result = Kept(key, value, platform);
            var unchanged = result is not null && ReferenceEquals(result, value) && ReferenceEquals(key, rawKey)
                            && (previous is null || string.CompareOrdinal(previous, key) < 0);
            if (kept is null && !unchanged)
            {
                kept = new List<(string, JsonNode, int)>(message.Count);
                for (var i = 0; i < index; i++)
                {
                    var (earlierKey, earlierValue) = message.GetAt(i);
                    kept.Add((earlierKey, earlierValue!, i));
                }
            }

            if (result is not null)
            {
                kept?.Add((key, result, index));
            }

            previous = key;
        }

        if (kept is null)
        {
            return;
        }

        message.Clear();
        // Sorted by key, then by position: the last of two fields with one name (snake_case and lowerCamel) wins, as in
        // the copying form.
        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.Position.CompareTo(b.Position));
        for (var i = 0; i < kept.Count; i++)
        {
            var (key, value, _) = kept[i];
            if (i + 1 < kept.Count && kept[i + 1].Key == key)
            {
                continue;
            }

            message[key] = value;
        }
    }

    private static JsonNode? Kept(string key, JsonNode? value, bool platform) =>
        (platform ? PlatformValueFields : PipelineValueFields).Contains(key)
            ? value
            : platform && key == "executors" && value is JsonObject structs
                ? structs.Count == 0 ? null : structs
                : MapFields.Contains(key) && value is JsonObject map
                    ? MapInPlace(map, platform)
                    : !platform && OneofScalars.Contains(key) && value is JsonValue
                        ? value
                        : FieldInPlace(value, platform);

    private static JsonObject? MapInPlace(JsonObject map, bool platform)
    {
        if (map.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < map.Count; i++)
        {
            if (map.GetAt(i).Value is JsonObject entry)
            {
                MessageInPlace(entry, platform);
            }
        }

        return map;
    }

    private static JsonNode? FieldInPlace(JsonNode? value, bool platform)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj:
                MessageInPlace(obj, platform);
                return obj;
            case JsonArray { Count: 0 }:
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        MessageInPlace(item, platform);
                    }
                }

                return array;
            case JsonValue scalar when IsDefault(scalar):
                return null;
            default:
                return value;
        }
    }

    private static JsonObject Message(JsonObject message, bool platform)
    {
        var result = new JsonObject();
        foreach (var (rawKey, value) in message)
        {
            var key = LowerCamel(rawKey);
            var kept = (platform ? PlatformValueFields : PipelineValueFields).Contains(key)
                ? value?.DeepClone()
                : platform && key == "executors" && value is JsonObject structs
                    ? structs.Count == 0 ? null : structs.DeepClone()
                    : MapFields.Contains(key) && value is JsonObject map
                        ? Map(map, platform)
                        : !platform && OneofScalars.Contains(key) && value is JsonValue
                            ? value.DeepClone()
                            : Field(value, platform);
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
            result[key] = value is JsonObject entry ? Message(entry, platform) : value?.DeepClone();
        }

        return result;
    }

    /// <summary>A singular or repeated field; null when it holds its default and so is not written.</summary>
    private static JsonNode? Field(JsonNode? value, bool platform) => value switch
    {
        null => null,
        JsonObject obj => Message(obj, platform),
        JsonArray { Count: 0 } => null,
        JsonArray array => new JsonArray([.. array.Select(item => item is JsonObject o ? Message(o, platform) : item?.DeepClone())]),
        JsonValue scalar when IsDefault(scalar) => null,
        _ => value.DeepClone(),
    };

    private static bool IsDefault(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.False => true,
        JsonValueKind.Number => double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == 0,
        JsonValueKind.String => value.GetValue<string>() is var text
            && (text.Length == 0 || text.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>protojson writes the lowerCamel JSON name; the proto (snake_case) name is accepted on input.</summary>
    internal static string LowerCamel(string name)
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
