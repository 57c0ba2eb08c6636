using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Kfp.Emulator.Kfp.Specs;

/// <summary>
/// The server's checks of an uploaded pipeline: YAML or JSON, at most one PipelineSpec and one PlatformSpec
/// document, no unknown top-level PipelineSpec fields, <c>schemaVersion</c> 2.1.0, <c>root</c> present, and the
/// <c>pipelineInfo.name</c> pattern. Produces what GET returns: the IR, or the
/// <c>{pipeline_spec, platform_spec}</c> wrapper, with keys sorted as the server's re-serialisation does.
/// </summary>
internal static partial class SpecValidator
{
    private static readonly HashSet<string> PipelineSpecFields =
    [
        "pipelineInfo", "pipeline_info", "deploymentSpec", "deployment_spec", "sdkVersion", "sdk_version",
        "schemaVersion", "schema_version", "components", "root", "defaultPipelineRoot", "default_pipeline_root",
    ];

    /// <summary>The stored spec, or an error message (the server answers 400 with it).</summary>
    /// <param name="resave">Upload and URL creation re-save the spec (<see cref="SpecResaver"/>); inline run specs are kept as sent.</param>
    public static (JsonObject? Spec, string? Error) Validate(string text, bool json, bool resave = false)
    {
        IReadOnlyList<JsonNode?> docs;
        try
        {
            docs = json ? [JsonNode.Parse(text)] : YamlToJson.Documents(text);
        }
        catch (Exception e) when (e is YamlException or JsonException)
        {
            return (null, $"Failed to parse the pipeline spec: {e.Message}");
        }
        JsonObject? pipeline = null;
        JsonObject? platform = null;
        foreach (var doc in docs.OfType<JsonObject>())
        {
            if (doc["platforms"] is JsonObject platforms && platforms.ContainsKey("kubernetes"))
            {
                if (platform is not null)
                {
                    return (null, "Invalid input error: multiple platform specs found in the pipeline file");
                }
                platform = doc;
            }
            else
            {
                if (pipeline is not null)
                {
                    return (null, "Invalid input error: multiple pipeline specs found in the pipeline file");
                }
                pipeline = doc;
            }
        }
        if (pipeline is null)
        {
            return (null, "Invalid input error: no pipeline spec found in the pipeline file (the file is empty)");
        }
        if (CheckPipeline(pipeline) is { } error)
        {
            return (null, error);
        }
        if (resave)
        {
            pipeline = SpecResaver.PipelineSpec(pipeline);
            platform = platform is null ? null : SpecResaver.PlatformSpec(platform);
        }
        var sorted = (JsonObject)Sorted(pipeline)!;
        return platform is null
            ? (sorted, null)
            : (new JsonObject { ["pipeline_spec"] = sorted, ["platform_spec"] = Sorted(platform) }, null);
    }

    private static string? CheckPipeline(JsonObject spec)
    {
        foreach (var (key, _) in spec)
        {
            if (!PipelineSpecFields.Contains(key))
            {
                return $"Invalid input error: invalid pipeline spec: proto: (line 1:2): unknown field \"{key}\"";
            }
        }
        var version = (spec["schemaVersion"] ?? spec["schema_version"])?.ToString();
        if (version != "2.1.0")
        {
            return $"Invalid input error: KFP only supports schema version 2.1.0, but the pipeline spec has version '{version}'";
        }
        if ((spec["root"] ?? spec["root"]) is not JsonObject)
        {
            return "Invalid input error: invalid v2 pipeline spec: root component is missing";
        }
        var name = ((spec["pipelineInfo"] ?? spec["pipeline_info"]) as JsonObject)?["name"]?.ToString() ?? "";
        if (name.Length == 0)
        {
            return "Invalid input error: pipeline's name cannot be empty";
        }
        if (name.Length > 128)
        {
            return "Invalid input error: pipeline's name must contain no more than 128 characters";
        }
        if (!NamePattern().IsMatch(name))
        {
            return "Invalid input error: pipeline's name must contain only lowercase alphanumeric characters or '-' and must start with alphanumeric characters";
        }
        return null;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray arr => new JsonArray([.. arr.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,127}$")]
    private static partial Regex NamePattern();
}
