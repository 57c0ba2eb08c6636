using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Pipelines;

namespace Kfp.Emulator.Kfp.Runs;

/// <summary>
/// The pipeline a run or recurring run uses (proto oneof: version reference, inline spec, or the deprecated
/// top-level version id), resolved and checked against the parameters as the server does. Callers hold the lock.
/// </summary>
internal sealed record PipelineSource(string PipelineId, string VersionId, string? InlineSpec, JsonObject Spec)
{
    public static readonly string[] ReferenceFields = ["pipeline_id", "pipeline_version_id"];

    /// <param name="pinLatest">Runs pin the latest version; recurring runs naming only a pipeline keep following it.</param>
    public static PipelineSource Resolve(RequestBody body, KfpStore store, PipelineService pipelines, string context, bool pinLatest)
    {
        var reference = body.Child("pipeline_version_reference", store.Settings, ReferenceFields);
        var inline = body.Raw("pipeline_spec") as JsonObject;
        var legacyVersion = body.Str("pipeline_version_id");
        var count = (reference is null ? 0 : 1) + (inline is null ? 0 : 1) + (legacyVersion.Length == 0 ? 0 : 1);
        if (count != 1)
        {
            throw KfpServerException.InvalidInput(context, "a run needs exactly one of pipeline_version_reference, pipeline_spec or pipeline_version_id");
        }
        if (inline is not null)
        {
            var (spec, error) = Specs.SpecValidator.Validate(inline.ToJsonString(), json: true);
            return spec is null
                ? throw KfpServerException.Internal(context, $"Failed to fetch a template from the pipeline spec: {error}")
                : new PipelineSource("", "", spec.ToJsonString(), Unwrap(spec));
        }
        var pipelineId = reference?.Str("pipeline_id") ?? "";
        var versionId = reference?.Str("pipeline_version_id") is { Length: > 0 } v ? v : legacyVersion;
        if (versionId.Length > 0)
        {
            var version = store.State.Versions.GetValueOrDefault(versionId)
                ?? throw KfpServerException.Internal(context, $"Failed to fetch a template: ResourceNotFoundError: PipelineVersion {versionId} not found");
            if (pipelineId.Length > 0 && version.PipelineId != pipelineId)
            {
                throw KfpServerException.InvalidInput(context,
                    $"Invalid input error: pipeline version {versionId} does not belong to pipeline {pipelineId}");
            }
            return new PipelineSource(version.PipelineId, version.Id, null, version.PipelineSpec());
        }
        if (pipelineId.Length == 0)
        {
            throw KfpServerException.InvalidInput(context, "pipeline_version_reference.pipeline_id is required");
        }
        pipelines.Find(pipelineId, context);
        var latest = pipelines.Latest(pipelineId)
            ?? throw KfpServerException.Internal(context, $"Failed to fetch the latest version of pipeline {pipelineId}: the pipeline has no versions");
        return new PipelineSource(pipelineId, pinLatest ? latest.Id : "", null, latest.PipelineSpec());
    }

    /// <summary>The <c>pipeline_version_reference</c> to return, or null for inline specs.</summary>
    public JsonObject? Reference() => InlineSpec is not null
        ? null
        : new JsonOut().Str("pipeline_id", PipelineId).Str("pipeline_version_id", VersionId).Object;

    private static JsonObject Unwrap(JsonObject spec) => spec["pipeline_spec"] is JsonObject inner ? inner : spec;
}
