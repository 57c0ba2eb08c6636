namespace Kfp.Api.Models;

/// <summary>A new version of an existing pipeline, uploaded as a file (<c>pipelines/upload_version</c>).</summary>
/// <param name="PipelineId">The parent pipeline.</param>
/// <param name="Name">Version name, unique within the pipeline (409 AlreadyExists otherwise).</param>
/// <param name="Spec">The compiled pipeline: IR YAML or JSON, optionally followed by a platform-spec document.</param>
public sealed record UploadPipelineVersionRequest(string PipelineId, string Name, string Spec)
{
    /// <summary>Null uses <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>File name sent with the upload; its extension (.yaml, .yml, .json) tells the server how to read it.</summary>
    public string FileName { get; init; } = "pipeline.yaml";
}
