using Kfp.Api.Filtering;
using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    private const string Runs = "runs";

    /// <summary>How far before our create an object found by name may have been created (clock skew with the server).</summary>
    private static readonly TimeSpan LookupSlack = TimeSpan.FromSeconds(60);

    public Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DisplayName);
        var call = new KfpCall(HttpMethod.Post, KfpQuery.Path(Runs), "create run", $"'{request.DisplayName}'")
        {
            Content = KfpJson.Body(request, KfpJsonContext.Default.CreateRunRequest),
        };
        var since = _options.Time.GetUtcNow() - LookupSlack;
        return _creates.CreateAsync(
            new CreatePlan<Run>(
                ct => _transport.SendAsync(call, KfpJsonContext.Default.Run, ct),
                ct => FindIdenticalRunAsync(request, since, ct),
                found => KfpMatch.Differences(request, found),
                found => found.RunId,
                UniqueName: false,
                "kfp:index:Run"),
            cancellationToken);
    }

    public Task<Run?> FindIdenticalRunAsync(CreateRunRequest request, CancellationToken cancellationToken) =>
        FindIdenticalRunAsync(request, null, cancellationToken);

    private async Task<Run?> FindIdenticalRunAsync(CreateRunRequest request, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new KfpListOptions { Filter = Named(request.DisplayName, since), SortBy = KfpSort.Desc("created_at"), PageSize = 50 };
        while (true)
        {
            var page = await ListRunsAsync(options, request.ExperimentId, cancellationToken);
            if (page.Items.FirstOrDefault(r => KfpMatch.Differences(request, r).Count == 0) is { } match)
            {
                return match;
            }
            if (page.NextPageToken is not { } next)
            {
                return null;
            }
            options = options with { PageToken = next };
        }
    }

    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            new KfpCall(HttpMethod.Get, KfpQuery.Path($"{Runs}/{KfpQuery.Segment(runId)}"), "get run", runId) { Idempotent = true },
            KfpJsonContext.Default.Run,
            cancellationToken);

    public async Task<KfpPage<Run>> ListRunsAsync(KfpListOptions options, string? experimentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // With an experiment the server takes the namespace from it.
        var ns = string.IsNullOrEmpty(experimentId) ? NamespaceOr(options.Namespace) : options.Namespace;
        var path = KfpQuery.List(Runs, options, ns, ("experiment_id", experimentId));
        var wire = await _transport.SendAsync(new KfpCall(HttpMethod.Get, path, "list runs", null) { Idempotent = true }, KfpJsonContext.Default.ListRunsWire, cancellationToken);
        return new KfpPage<Run>(wire.Runs ?? [], wire.TotalSize, NullIfEmpty(wire.NextPageToken));
    }

    public Task TerminateRunAsync(string runId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Post, $"{Runs}/{KfpQuery.Segment(runId)}:terminate", "terminate run", runId, cancellationToken);

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Delete, $"{Runs}/{KfpQuery.Segment(runId)}", "delete run", runId, cancellationToken);

    /// <summary>Runs and recurring runs may share names: an ambiguous create is matched by name, creation time and content.</summary>
    private static KfpFilter Named(string displayName, DateTimeOffset? since) =>
        since is { } start
            ? KfpFilter.Equal("display_name", displayName).And(KfpPredicate.Compare("created_at", KfpFilterOperation.GreaterThanOrEqual, start))
            : KfpFilter.Equal("display_name", displayName);
}
