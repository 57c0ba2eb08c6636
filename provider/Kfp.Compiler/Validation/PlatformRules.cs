using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks the optional PlatformSpec: a kubernetes platform whose executor entries exist in the PipelineSpec.</summary>
internal static class PlatformRules
{
    public static void Check(SpecIndex index, JsonObject? platform, ProblemSink problems)
    {
        if (platform is null)
        {
            return;
        }

        if (platform["platforms"] is not JsonObject platforms)
        {
            problems.Add("platforms", "the PlatformSpec needs 'platforms: {kubernetes: {deploymentSpec: {executors: ...}}}'.");
            return;
        }

        foreach (var (label, _) in Json.Entries(Json.Obj(Json.Obj(platforms, "kubernetes"), "deploymentSpec"), "executors"))
        {
            if (!index.Executors.ContainsKey(label))
            {
                problems.Add(Json.Path("platforms.kubernetes.deploymentSpec.executors", label),
                    $"executor '{label}' is not defined in the PipelineSpec's deploymentSpec.executors; remove the entry or fix the label.");
            }
        }
    }
}
