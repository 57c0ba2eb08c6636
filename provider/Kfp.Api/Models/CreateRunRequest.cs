using System.Text.Json;

namespace Kfp.Api.Models;

/// <summary>Body of <c>POST /apis/v2beta1/runs</c>. Set exactly one of <see cref="PipelineVersionReference"/> and <see cref="PipelineSpec"/>.</summary>
public sealed record CreateRunRequest(string DisplayName)
{
    public string? Description { get; init; }

    /// <summary>Null puts the run in the default experiment (single-user mode); required in multi-user mode.</summary>
    public string? ExperimentId { get; init; }

    public PipelineVersionReference? PipelineVersionReference { get; init; }

    public JsonElement? PipelineSpec { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    public string? ServiceAccount { get; init; }
}
