using Kfp.Api.Filtering;
using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    private const string Experiments = "experiments";

    public Task<Experiment> CreateExperimentAsync(CreateExperimentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DisplayName);
        var body = request with { Namespace = NamespaceOr(request.Namespace) };
        var call = new KfpCall(HttpMethod.Post, KfpQuery.Path(Experiments), "create experiment", $"'{request.DisplayName}'")
        {
            Content = KfpJson.Body(body, KfpJsonContext.Default.CreateExperimentRequest),
        };
        return _creates.CreateAsync(
            new CreatePlan<Experiment>(
                ct => _transport.SendAsync(call, KfpJsonContext.Default.Experiment, ct),
                ct => FindExperimentAsync(request.DisplayName, body.Namespace, ct),
                found => KfpMatch.Differences(body, found),
                found => found.ExperimentId,
                UniqueName: true,
                "kfp:index:Experiment"),
            cancellationToken);
    }

    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        var call = new KfpCall(HttpMethod.Get, KfpQuery.Path($"{Experiments}/{KfpQuery.Segment(experimentId)}"), "get experiment", experimentId)
        {
            Idempotent = true,
        };
        return _transport.SendAsync(call, KfpJsonContext.Default.Experiment, cancellationToken);
    }

    public async Task<Experiment?> FindExperimentAsync(string displayName, string? @namespace, CancellationToken cancellationToken)
    {
        var page = await ListExperimentsAsync(
            new KfpListOptions { Filter = KfpFilter.Equal("display_name", displayName), Namespace = @namespace, PageSize = 2 },
            cancellationToken);
        return page.Items.FirstOrDefault(e => e.DisplayName == displayName);
    }

    public async Task<KfpPage<Experiment>> ListExperimentsAsync(KfpListOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var call = new KfpCall(HttpMethod.Get, KfpQuery.List(Experiments, options, NamespaceOr(options.Namespace)), "list experiments", null)
        {
            Idempotent = true,
        };
        var wire = await _transport.SendAsync(call, KfpJsonContext.Default.ListExperimentsWire, cancellationToken);
        return new KfpPage<Experiment>(wire.Experiments ?? [], wire.TotalSize, NullIfEmpty(wire.NextPageToken));
    }

    public Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Delete, $"{Experiments}/{KfpQuery.Segment(experimentId)}", "delete experiment", experimentId, cancellationToken);

    public Task ArchiveExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Post, $"{Experiments}/{KfpQuery.Segment(experimentId)}:archive", "archive experiment", experimentId, cancellationToken);

    public Task UnarchiveExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Post, $"{Experiments}/{KfpQuery.Segment(experimentId)}:unarchive", "unarchive experiment", experimentId, cancellationToken);

    /// <summary>An idempotent call answered by <c>{}</c> (delete, archive, enable…).</summary>
    private Task SendEmptyAsync(HttpMethod method, string path, string operation, string subject, CancellationToken cancellationToken) =>
        _transport.SendAsync(new KfpCall(method, KfpQuery.Path(path), operation, subject) { Idempotent = true }, cancellationToken);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
