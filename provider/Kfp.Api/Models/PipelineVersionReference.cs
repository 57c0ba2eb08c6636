namespace Kfp.Api.Models;

/// <summary>The pipeline a run uses; without a version id the server picks the latest version.</summary>
public sealed record PipelineVersionReference(string PipelineId, string? PipelineVersionId = null);
