using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

/// <summary>
/// The KFP v2beta1 calls the provider uses. Every failure is a <see cref="KfpApiException"/>; a missing object
/// is <see cref="KfpApiException.IsNotFound"/> (callers treat it as success on delete).
/// </summary>
public interface IKfpClient
{
    /// <summary>Creates an experiment (display name unique per namespace, else AlreadyExists). Never creates twice.</summary>
    Task<Experiment> CreateExperimentAsync(CreateExperimentRequest request, CancellationToken cancellationToken);

    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>The experiment with this display name in the namespace (null = client default), or null.</summary>
    Task<Experiment?> FindExperimentAsync(string displayName, string? @namespace, CancellationToken cancellationToken);

    Task<KfpPage<Experiment>> ListExperimentsAsync(KfpListOptions options, CancellationToken cancellationToken);

    Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task ArchiveExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task UnarchiveExperimentAsync(string experimentId, CancellationToken cancellationToken);
}
