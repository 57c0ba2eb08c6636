namespace Kfp.Api.Models;

/// <summary>A new pipeline with its first version from a file (<c>pipelines/upload</c>); the version gets the pipeline's name.</summary>
/// <param name="Name">Pipeline name, unique per namespace.</param>
/// <param name="Spec">The compiled pipeline: IR YAML or JSON.</param>
public sealed record UploadPipelineRequest(string Name, string Spec)
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Namespace { get; init; }

    public string FileName { get; init; } = "pipeline.yaml";
}
