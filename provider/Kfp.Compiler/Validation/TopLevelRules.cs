using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Validation;

/// <summary>Checks the PipelineSpec's top level as the KFP API server does when a pipeline is uploaded.</summary>
internal static partial class TopLevelRules
{
    public const string SchemaVersion = "2.1.0";

    private static readonly string[] Known =
        ["components", "defaultPipelineRoot", "deploymentSpec", "pipelineInfo", "root", "schemaVersion", "sdkVersion"];

    public static void Check(JsonObject spec, ProblemSink problems)
    {
        foreach (var (key, _) in spec)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                var hint = Known.FirstOrDefault(k => key.StartsWith(k, StringComparison.OrdinalIgnoreCase)
                                                     || k.StartsWith(key, StringComparison.OrdinalIgnoreCase));
                problems.Add(key, $"unknown top-level key '{key}': the KFP server rejects unknown fields"
                    + (hint is null ? $"; allowed keys are {string.Join(", ", Known)}." : $"; did you mean '{hint}'?"));
            }
        }

        var version = spec["schemaVersion"];
        if (version is null)
        {
            problems.Add("schemaVersion", $"schemaVersion is missing; set it to \"{SchemaVersion}\" (KFP v2 IR).");
        }
        else if (Json.Str(spec, "schemaVersion") != SchemaVersion)
        {
            problems.Add("schemaVersion", $"schemaVersion is {version.ToJsonString()} but the KFP server accepts only \"{SchemaVersion}\"; recompile with a KFP v2 SDK.");
        }

        CheckPipelineInfo(spec, problems);
        if (spec["root"] is not JsonObject root)
        {
            problems.Add("root", "root is missing or not a mapping; the pipeline body (a component with a 'dag') is required.");
        }
        else if (root["dag"] is not JsonObject)
        {
            problems.Add("root.dag", "root has no 'dag'; the pipeline body must be a DAG of tasks.");
        }

        ExpectMapping(spec, "components", "components", problems);
        if (spec["deploymentSpec"] is { } deployment)
        {
            ExpectMapping(deployment, "executors", "deploymentSpec.executors", problems);
        }
    }

    public static bool IsValidPipelineName(string name) => NamePattern().IsMatch(name);

    private static void CheckPipelineInfo(JsonObject spec, ProblemSink problems)
    {
        if (spec["pipelineInfo"] is not JsonObject info)
        {
            problems.Add("pipelineInfo", "pipelineInfo is missing; add 'pipelineInfo: {name: <pipeline-name>}'.");
            return;
        }

        var name = Json.Str(info, "name");
        if (string.IsNullOrEmpty(name))
        {
            problems.Add("pipelineInfo.name", "the pipeline name is empty; set pipelineInfo.name (lowercase letters, digits and '-').");
        }
        else if (!NamePattern().IsMatch(name))
        {
            problems.Add("pipelineInfo.name",
                $"the pipeline name '{name}' does not match ^[a-z0-9][a-z0-9-]{{0,127}}$ required by the KFP server; use lowercase letters, digits and '-', at most 128 characters.");
        }
    }

    private static void ExpectMapping(JsonNode? parent, string key, string path, ProblemSink problems)
    {
        if (parent is JsonObject obj && obj.TryGetPropertyValue(key, out var value) && value is not JsonObject)
        {
            problems.Add(path, $"{key} must be a mapping of names to definitions.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
