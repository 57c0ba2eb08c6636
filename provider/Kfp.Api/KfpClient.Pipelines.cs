using Kfp.Api.Filtering;
using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    private const string Pipelines = "pipelines";

    public async Task<Pipeline> CreatePipelineAsync(CreatePipelineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        var info = await GetServerInfoAsync(cancellationToken);
        var ns = request.Namespace ?? _options.Namespace;
        // Before 2.14 the display name is the unique name.
        var wire = info.SupportsPipelineNames
            ? new PipelineWire(request.Name, request.DisplayName ?? request.Name, request.Description, ns)
            : new PipelineWire(null, request.Name, request.Description, ns);
        var call = new KfpCall(HttpMethod.Post, KfpQuery.Path(Pipelines), "create pipeline", $"'{request.Name}'")
        {
            Content = KfpJson.Body(wire, KfpJsonContext.Default.PipelineWire),
        };
        var created = await _creates.CreateAsync(
            new CreatePlan<Pipeline>(
                ct => _transport.SendAsync(call, KfpJsonContext.Default.Pipeline, ct),
                ct => FindPipelineAsync(request.Name, ns, ct),
                found => KfpMatch.Differences(request, Normalise(found), ns),
                found => found.PipelineId,
                UniqueName: true,
                "kfp:index:Pipeline"),
            cancellationToken);
        if (created.Name.Length == 0)
        {
            MarkLegacy();
        }
        return Normalise(created);
    }

    public async Task<Pipeline> GetPipelineAsync(string pipelineId, CancellationToken cancellationToken)
    {
        var call = new KfpCall(HttpMethod.Get, KfpQuery.Path($"{Pipelines}/{KfpQuery.Segment(pipelineId)}"), "get pipeline", pipelineId) { Idempotent = true };
        return Normalise(await _transport.SendAsync(call, KfpJsonContext.Default.Pipeline, cancellationToken));
    }

    public async Task<Pipeline?> FindPipelineAsync(string name, string? @namespace, CancellationToken cancellationToken)
    {
        var info = await GetServerInfoAsync(cancellationToken);
        var key = info.SupportsPipelineNames ? "name" : "display_name";
        var page = await ListPipelinesAsync(
            new KfpListOptions { Filter = KfpFilter.Equal(key, name), Namespace = @namespace, PageSize = 2 }, cancellationToken);
        return page.Items.FirstOrDefault(p => p.Name == name);
    }

    public async Task<Pipeline> UpdatePipelineDisplayNameAsync(string pipelineId, string displayName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var call = new KfpCall(HttpMethod.Patch, KfpQuery.Path($"{Pipelines}/{KfpQuery.Segment(pipelineId)}"), "rename pipeline", pipelineId)
        {
            // Setting a display name twice is the same as once: safe to retry.
            Idempotent = true,
            Content = KfpJson.Body(new PipelineDisplayNameWire(displayName), KfpJsonContext.Default.PipelineDisplayNameWire),
        };
        return Normalise(await _transport.SendAsync(call, KfpJsonContext.Default.Pipeline, cancellationToken));
    }

    public async Task<KfpPage<Pipeline>> ListPipelinesAsync(KfpListOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var call = new KfpCall(HttpMethod.Get, KfpQuery.List(Pipelines, options, NamespaceOr(options.Namespace)), "list pipelines", null) { Idempotent = true };
        var wire = await _transport.SendAsync(call, KfpJsonContext.Default.ListPipelinesWire, cancellationToken);
        return new KfpPage<Pipeline>([.. (wire.Pipelines ?? []).Select(Normalise)], wire.TotalSize, NullIfEmpty(wire.NextPageToken));
    }

    public async Task DeletePipelineAsync(string pipelineId, bool cascade, CancellationToken cancellationToken)
    {
        var info = await GetServerInfoAsync(cancellationToken);
        var path = $"{Pipelines}/{KfpQuery.Segment(pipelineId)}";
        if (cascade && info.SupportsCascadeDelete)
        {
            try
            {
                await _transport.SendAsync(
                    new KfpCall(HttpMethod.Delete, KfpQuery.Path(path, ("cascade", "true")), "delete pipeline", pipelineId) { Idempotent = true },
                    cancellationToken);
                return;
            }
            catch (KfpApiException e) when (e.Kind == KfpErrorKind.InvalidArgument && e.ServerMessage.Contains("version", StringComparison.OrdinalIgnoreCase))
            {
                // The server ignored cascade (older than it said): delete the versions ourselves.
                MarkLegacy();
            }
        }
        if (cascade)
        {
            await DeleteAllVersionsAsync(pipelineId, cancellationToken);
        }
        await SendEmptyAsync(HttpMethod.Delete, path, "delete pipeline", pipelineId, cancellationToken);
    }

    private async Task DeleteAllVersionsAsync(string pipelineId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await ListPipelineVersionsAsync(pipelineId, new KfpListOptions { PageSize = 100 }, cancellationToken);
            if (page.Items.Count == 0)
            {
                return;
            }
            foreach (var version in page.Items)
            {
                try
                {
                    await DeletePipelineVersionAsync(pipelineId, version.PipelineVersionId, cancellationToken);
                }
                catch (KfpApiException e) when (e.IsNotFound)
                {
                    // Already gone.
                }
            }
        }
    }

    /// <summary>Before 2.14 there is no <c>name</c>: the display name is the unique name.</summary>
    private static Pipeline Normalise(Pipeline p) => p.Name.Length == 0 ? p with { Name = p.DisplayName } : p;
}
