using Kfp.Compiler;
using Kfp.Compiler.Views;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>
/// What Check records about a compiled pipeline, so preview knows it: <c>specHash</c> (the identity), the
/// <c>tasks</c> and <c>parameters</c> a reviewer reads in the diff, and the <c>mermaid</c> chart. All unknown
/// when the spec cannot be compiled yet (an input is unknown in preview).
/// </summary>
internal static class PipelineView
{
    private static readonly string[] Computed = ["specHash", "tasks", "parameters", "mermaid"];

    public static PipelineArgs Of(CompiledPipeline compiled) => new()
    {
        SpecHash = compiled.SpecHash,
        Tasks = JsonValues.FromJson(TaskSummary.Tasks(compiled.Document)),
        Parameters = JsonValues.FromJson(TaskSummary.Parameters(compiled.Document)),
        Mermaid = MermaidWriter.Write(compiled.Document),
    };

    /// <summary>The properties <see cref="Of"/> sets, unknown (preview before the inputs are known).</summary>
    public static PropertyMap Unknown(PropertyMap inputs) =>
        Computed.Aggregate(inputs, (map, name) => map.With(name, PropertyValue.Unknown));
}
