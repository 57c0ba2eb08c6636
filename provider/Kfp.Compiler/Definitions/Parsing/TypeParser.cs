using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Maps the definition's type names to KFP parameter types and artifact schema titles.</summary>
internal static class TypeParser
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = "STRING", ["str"] = "STRING",
        ["integer"] = "NUMBER_INTEGER", ["int"] = "NUMBER_INTEGER",
        ["float"] = "NUMBER_DOUBLE", ["double"] = "NUMBER_DOUBLE", ["number"] = "NUMBER_DOUBLE",
        ["boolean"] = "BOOLEAN", ["bool"] = "BOOLEAN",
        ["list"] = "LIST", ["array"] = "LIST",
        ["struct"] = "STRUCT", ["dict"] = "STRUCT", ["object"] = "STRUCT", ["map"] = "STRUCT",
        ["taskFinalStatus"] = "TASK_FINAL_STATUS", ["PipelineTaskFinalStatus"] = "TASK_FINAL_STATUS",
    };

    private static readonly string[] Artifacts =
        ["Artifact", "Dataset", "Model", "Metrics", "ClassificationMetrics", "SlicedClassificationMetrics", "HTML", "Markdown"];

    public const string Help =
        "use string, integer, float, boolean, list, struct, taskFinalStatus, or an artifact type (Artifact, Dataset, Model, Metrics, HTML, Markdown, ClassificationMetrics, SlicedClassificationMetrics, or a schema title such as system.Dataset; add [] for a list of artifacts, e.g. Dataset[])";

    public static IoType? Parse(string text)
    {
        if (text.EndsWith("[]", StringComparison.Ordinal) && Parse(text[..^2]) is { IsArtifact: true, IsList: false } item)
        {
            return item with { IsList = true };
        }

        if (Parameters.TryGetValue(text, out var parameter))
        {
            return IoType.Parameter(parameter);
        }

        if (Artifacts.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } artifact)
        {
            return IoType.Artifact("system." + artifact);
        }

        return text.Contains('.', StringComparison.Ordinal) ? IoType.Artifact(text) : null;
    }
}
