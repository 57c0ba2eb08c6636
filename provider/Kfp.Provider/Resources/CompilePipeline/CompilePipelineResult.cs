using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The result of <c>kfp:index:compilePipeline</c>.</summary>
internal sealed record CompilePipelineResult
{
    public string? Spec { get; init; }

    public string? SpecHash { get; init; }

    public string? PipelineName { get; init; }

    public string? Mermaid { get; init; }

    public static RecordShape<CompilePipelineResult> Shape { get; } = RecordShape<CompilePipelineResult>.Outputs(() => new())
        .String("spec", x => x.Spec, (x, v) => x with { Spec = v },
            "The compiled spec as YAML (platform spec after `---` when there is one), as it would be uploaded.")
        .String("specHash", x => x.SpecHash, (x, v) => x with { SpecHash = v }, "sha256 of the normalised spec: what a Pipeline records.")
        .String("pipelineName", x => x.PipelineName, (x, v) => x with { PipelineName = v }, "The pipeline's name inside the spec (`pipelineInfo.name`).")
        .String("mermaid", x => x.Mermaid, (x, v) => x with { Mermaid = v },
            "The pipeline's DAG as a Mermaid flowchart (tasks, edges, loops, conditions and exit handlers as subgraphs).");
}
