using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

/// <summary>
/// The KFP v2beta1 calls the provider uses. Every failure is a <see cref="KfpApiException"/>; a missing object
/// is <see cref="KfpApiException.IsNotFound"/> (callers treat it as success on delete).
/// </summary>
public interface IKfpClient
{
    /// <summary>Creates an experiment (display name unique per namespace, else AlreadyExists). Never creates twice.
    /// An AlreadyExists failure carries <see cref="KfpApiException.ExistingId"/> and
    /// <see cref="KfpApiException.ExistingMatches"/>, so the caller can adopt an identical experiment or say how to import it
    /// (the same holds for pipelines and pipeline versions).</summary>
    Task<Experiment> CreateExperimentAsync(CreateExperimentRequest request, CancellationToken cancellationToken);

    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>The experiment with this display name in the namespace (null = client default), or null.</summary>
    Task<Experiment?> FindExperimentAsync(string displayName, string? @namespace, CancellationToken cancellationToken);

    Task<KfpPage<Experiment>> ListExperimentsAsync(KfpListOptions options, CancellationToken cancellationToken);

    Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task ArchiveExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task UnarchiveExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary><c>GET healthz</c>: release, multi-user mode, pipeline store.</summary>
    Task<KfpHealth> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary>What the server supports (generation from healthz, cached per client).</summary>
    Task<KfpServerInfo> GetServerInfoAsync(CancellationToken cancellationToken);

    /// <summary>Creates a pipeline with no versions. Never creates twice.</summary>
    Task<Pipeline> CreatePipelineAsync(CreatePipelineRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a pipeline and its first version (named like the pipeline) from a file.</summary>
    Task<Pipeline> UploadPipelineAsync(UploadPipelineRequest request, CancellationToken cancellationToken);

    Task<Pipeline> GetPipelineAsync(string pipelineId, CancellationToken cancellationToken);

    /// <summary>The pipeline with this unique name in the namespace (null = client default), or null.</summary>
    Task<Pipeline?> FindPipelineAsync(string name, string? @namespace, CancellationToken cancellationToken);

    Task<KfpPage<Pipeline>> ListPipelinesAsync(KfpListOptions options, CancellationToken cancellationToken);

    /// <summary>Deletes a pipeline. With <paramref name="cascade"/> its versions go too (server-side cascade on
    /// KFP 2.14+, otherwise versions first, then the pipeline); without it a pipeline with versions is refused.</summary>
    /// <summary>
    /// Renames a pipeline (its display name; KFP 2.17+). Older servers answer
    /// <see cref="KfpErrorKind.Unimplemented"/>: the caller decides what that means.
    /// </summary>
    Task<Pipeline> UpdatePipelineDisplayNameAsync(string pipelineId, string displayName, CancellationToken cancellationToken);

    Task DeletePipelineAsync(string pipelineId, bool cascade, CancellationToken cancellationToken);

    /// <summary>Uploads a version with our own name (multipart <c>upload_version</c>). Never creates twice.</summary>
    Task<PipelineVersion> UploadPipelineVersionAsync(UploadPipelineVersionRequest request, CancellationToken cancellationToken);

    Task<PipelineVersion> GetPipelineVersionAsync(string pipelineId, string pipelineVersionId, CancellationToken cancellationToken);

    /// <summary>The version with this name in the pipeline, or null.</summary>
    Task<PipelineVersion?> FindPipelineVersionAsync(string pipelineId, string name, CancellationToken cancellationToken);

    Task<KfpPage<PipelineVersion>> ListPipelineVersionsAsync(string pipelineId, KfpListOptions options, CancellationToken cancellationToken);

    Task DeletePipelineVersionAsync(string pipelineId, string pipelineVersionId, CancellationToken cancellationToken);

    /// <summary>Creates a recurring run (mode ENABLE unless asked otherwise). An ambiguous failure is resolved by name and time.</summary>
    Task<RecurringRun> CreateRecurringRunAsync(CreateRecurringRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A recurring run that is exactly what <paramref name="request"/> would create (see <see cref="KfpMatch"/>), or null:
    /// for adopting a schedule whose create was committed by KFP but never recorded (the provider was stopped).
    /// </summary>
    Task<RecurringRun?> FindIdenticalRecurringRunAsync(CreateRecurringRunRequest request, CancellationToken cancellationToken);

    Task<RecurringRun> GetRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken);

    Task<KfpPage<RecurringRun>> ListRecurringRunsAsync(KfpListOptions options, string? experimentId, CancellationToken cancellationToken);

    Task EnableRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken);

    Task DisableRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken);

    Task DeleteRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken);

    Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken);

    /// <summary>A run that is exactly what <paramref name="request"/> would create (see <see cref="KfpMatch"/>), or null.</summary>
    Task<Run?> FindIdenticalRunAsync(CreateRunRequest request, CancellationToken cancellationToken);

    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken);

    Task<KfpPage<Run>> ListRunsAsync(KfpListOptions options, string? experimentId, CancellationToken cancellationToken);

    Task TerminateRunAsync(string runId, CancellationToken cancellationToken);

    Task DeleteRunAsync(string runId, CancellationToken cancellationToken);
}
