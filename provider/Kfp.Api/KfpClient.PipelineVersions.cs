using Kfp.Api.Filtering;
using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Listing;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    public async Task<PipelineVersion> UploadPipelineVersionAsync(UploadPipelineVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PipelineId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        var info = await GetServerInfoAsync(cancellationToken);
        var path = info.SupportsPipelineNames
            ? KfpQuery.Path($"{Pipelines}/upload_version",
                ("pipelineid", request.PipelineId), ("name", request.Name), ("display_name", request.DisplayName ?? request.Name), ("description", request.Description))
            : KfpQuery.Path($"{Pipelines}/upload_version",
                ("pipelineid", request.PipelineId), ("name", request.Name), ("description", request.Description));
        var call = new KfpCall(HttpMethod.Post, path, "upload pipeline version", $"'{request.Name}' of pipeline {request.PipelineId}")
        {
            Content = UploadContent.For(request.Spec, request.FileName),
        };
        var created = await _creates.CreateAsync(
            new CreatePlan<PipelineVersion>(
                ct => _transport.SendAsync(call, KfpJsonContext.Default.PipelineVersion, ct),
                ct => FindPipelineVersionAsync(request.PipelineId, request.Name, ct),
                found => KfpMatch.Differences(request, Normalise(found)),
                found => found.PipelineVersionId,
                UniqueName: true,
                "kfp:index:Pipeline (a version of it)"),
            cancellationToken);
        return Normalise(created);
    }

    public async Task<Pipeline> UploadPipelineAsync(UploadPipelineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        var info = await GetServerInfoAsync(cancellationToken);
        var ns = request.Namespace ?? _options.Namespace;
        var path = KfpQuery.Path($"{Pipelines}/upload",
            ("name", request.Name),
            ("display_name", info.SupportsPipelineNames ? request.DisplayName ?? request.Name : null),
            ("description", request.Description),
            ("namespace", ns));
        var call = new KfpCall(HttpMethod.Post, path, "upload pipeline", $"'{request.Name}'")
        {
            Content = UploadContent.For(request.Spec, request.FileName),
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
        return Normalise(created);
    }

    public async Task<PipelineVersion> GetPipelineVersionAsync(string pipelineId, string pipelineVersionId, CancellationToken cancellationToken)
    {
        var path = KfpQuery.Path($"{Pipelines}/{KfpQuery.Segment(pipelineId)}/versions/{KfpQuery.Segment(pipelineVersionId)}");
        var call = new KfpCall(HttpMethod.Get, path, "get pipeline version", $"{pipelineVersionId} of pipeline {pipelineId}") { Idempotent = true };
        return Normalise(await _transport.SendAsync(call, KfpJsonContext.Default.PipelineVersion, cancellationToken));
    }

    public async Task<PipelineVersion?> FindPipelineVersionAsync(string pipelineId, string name, CancellationToken cancellationToken)
    {
        var info = await GetServerInfoAsync(cancellationToken);
        var key = info.SupportsPipelineNames ? "name" : "display_name";
        var page = await ListPipelineVersionsAsync(pipelineId, new KfpListOptions { Filter = KfpFilter.Equal(key, name), PageSize = 2 }, cancellationToken);
        return page.Items.FirstOrDefault(v => v.Name == name);
    }

    public async Task<KfpPage<PipelineVersion>> ListPipelineVersionsAsync(string pipelineId, KfpListOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The versions list has no namespace parameter: versions take the pipeline's.
        var path = KfpQuery.List($"{Pipelines}/{KfpQuery.Segment(pipelineId)}/versions", options, null);
        var call = new KfpCall(HttpMethod.Get, path, "list versions of pipeline", pipelineId) { Idempotent = true };
        var wire = await _transport.SendAsync(call, KfpJsonContext.Default.ListPipelineVersionsWire, cancellationToken);
        return new KfpPage<PipelineVersion>([.. (wire.PipelineVersions ?? []).Select(Normalise)], wire.TotalSize, NullIfEmpty(wire.NextPageToken));
    }

    public Task DeletePipelineVersionAsync(string pipelineId, string pipelineVersionId, CancellationToken cancellationToken) =>
        SendEmptyAsync(HttpMethod.Delete, $"{Pipelines}/{KfpQuery.Segment(pipelineId)}/versions/{KfpQuery.Segment(pipelineVersionId)}",
            "delete pipeline version", $"{pipelineVersionId} of pipeline {pipelineId}", cancellationToken);

    private static PipelineVersion Normalise(PipelineVersion v) => v.Name.Length == 0 ? v with { Name = v.DisplayName } : v;
}
