using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    private const string RecurringRuns = "recurringruns";

    public Task<RecurringRun> CreateRecurringRunAsync(CreateRecurringRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DisplayName);
        ArgumentNullException.ThrowIfNull(request.Trigger);
        var call = new KfpCall(HttpMethod.Post, KfpQuery.Path(RecurringRuns), "create recurring run", $"'{request.DisplayName}'")
        {
            Content = KfpJson.Body(request, KfpJsonContext.Default.CreateRecurringRunRequest),
        };
        var since = _options.Time.GetUtcNow() - LookupSlack;
        return _creates.CreateAsync(
            new CreatePlan<RecurringRun>(
                ct => _transport.SendAsync(call, KfpJsonContext.Default.RecurringRun, ct),
                ct => FindIdenticalRecurringRunAsync(request, since, ct),
                found => KfpMatch.Differences(request, found),
                found => found.RecurringRunId,
                UniqueName: false,
                "kfp:index:RecurringRun"),
            cancellationToken);
    }

    public Task<RecurringRun?> FindIdenticalRecurringRunAsync(CreateRecurringRunRequest request, CancellationToken cancellationToken) =>
        FindIdenticalRecurringRunAsync(request, null, cancellationToken);

    private async Task<RecurringRun?> FindIdenticalRecurringRunAsync(CreateRecurringRunRequest request, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new KfpListOptions { Filter = Named(request.DisplayName, since), SortBy = KfpSort.Desc("created_at"), PageSize = 50 };
        while (true)
        {
            var page = await ListRecurringRunsAsync(options, request.ExperimentId, cancellationToken);
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

    public Task<RecurringRun> GetRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            new KfpCall(HttpMethod.Get, KfpQuery.Path($"{RecurringRuns}/{KfpQuery.Segment(recurringRunId)}"), "get recurring run", recurringRunId) { Idempotent = true },
            KfpJsonContext.Default.RecurringRun,
            cancellationToken);

    public async Task<KfpPage<RecurringRun>> ListRecurringRunsAsync(KfpListOptions options, string? experimentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ns = string.IsNullOrEmpty(experimentId) ? NamespaceOr(options.Namespace) : options.Namespace;
        var path = KfpQuery.List(RecurringRuns, options, ns, ("experiment_id", experimentId));
        var wire = await _transport.SendAsync(
            new KfpCall(HttpMethod.Get, path, "list recurring runs", null) { Idempotent = true }, KfpJsonContext.Default.ListRecurringRunsWire, cancellationToken);
        return new KfpPage<RecurringRun>(wire.RecurringRuns ?? [], wire.TotalSize, NullIfEmpty(wire.NextPageToken));
    }

    public Task EnableRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Post, $"{RecurringRuns}/{KfpQuery.Segment(recurringRunId)}:enable", "enable recurring run", recurringRunId, cancellationToken);

    public Task DisableRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Post, $"{RecurringRuns}/{KfpQuery.Segment(recurringRunId)}:disable", "disable recurring run", recurringRunId, cancellationToken);

    public Task DeleteRecurringRunAsync(string recurringRunId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Delete, $"{RecurringRuns}/{KfpQuery.Segment(recurringRunId)}", "delete recurring run", recurringRunId, cancellationToken);
}
