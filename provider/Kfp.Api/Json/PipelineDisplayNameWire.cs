namespace Kfp.Api.Json;

/// <summary>
/// Body of <c>PATCH /apis/v2beta1/pipelines/{pipeline.pipeline_id}</c>: only the display name changes (the ID is
/// in the path, and the body schema has no <c>pipeline_id</c>).
/// </summary>
internal sealed record PipelineDisplayNameWire(string DisplayName);
