using System.Globalization;
using Kfp.Api;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

// Reading a pipeline back from KFP, pruning old versions, and the outputs recorded in state.
internal sealed partial class PipelineResource
{
    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var kfp = services().Kfp;
        Pipeline pipeline;
        try
        {
            pipeline = await kfp.GetPipelineAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
        var recorded = State(context.OldOutputs);
        var recordedInputs = Args(context.OldInputs);
        var imported = context.OldOutputs.Count == 0;
        var live = await LiveVersionsAsync(kfp, context.Id, cancellationToken);
        var versionId = recorded.VersionId;
        var version = string.IsNullOrEmpty(versionId)
            ? imported && live.Count > 0 ? await FindVersionAsync(kfp, context.Id, PipelineVersionPlan.Newest(live.Select(v => v.Live))[^1].Id, cancellationToken) : null
            : live.FirstOrDefault(v => v.Live.Id == versionId).Version;
        var liveHash = version is null ? "" : LiveHash(recordedInputs.SpecHash, live.Select(v => v.Live)) ?? live.First(v => v.Live.Id == version.PipelineVersionId).Live.SpecHash;
        var inputs = Write(new PipelineArgs
        {
            Name = pipeline.Name.Length > 0 ? pipeline.Name : pipeline.DisplayName,
            SpecHash = recordedInputs.SpecHash ?? liveHash,
            DisplayName = pipeline.DisplayName.Length > 0 ? pipeline.DisplayName : null,
            // KFP cannot change a description, so it cannot drift: the program's (recorded) one stays; an import takes KFP's.
            Description = imported ? pipeline.Description.Length > 0 ? pipeline.Description : null : recordedInputs.Description,
            Namespace = imported && pipeline.Namespace.Length > 0 ? pipeline.Namespace : null,
        }, context.OldInputs);
        // Only versions still in KFP: one deleted by hand leaves `versionIds` on refresh.
        var present = live.Select(v => v.Live.Id).ToHashSet(StringComparer.Ordinal);
        var made = (recorded.VersionIds ?? []).Where(present.Contains);
        var outputs = Outputs(inputs, pipeline, version, liveHash, made);
        return new ReadResult(pipeline.PipelineId, outputs, inputs);
    }

    /// <summary>
    /// The spec the pipeline's latest version holds, when the newest versions do not hold <paramref name="recordedHash"/>
    /// (someone registered a newer version, so runs without a version no longer run the program's spec); null when
    /// they do, or when nothing was recorded.
    /// </summary>
    private static string? LiveHash(string? recordedHash, IEnumerable<LiveVersion> live)
    {
        if (recordedHash is null)
        {
            return null;
        }
        var newest = PipelineVersionPlan.Newest(live);
        return newest.Count == 0 || newest.Any(v => v.SpecHash == recordedHash) ? recordedHash : newest[^1].SpecHash;
    }

    /// <summary>
    /// For Diff: one GET, the newest versions. When they include the recorded version (versions are immutable), nothing
    /// drifted; otherwise (the version was deleted, or a newer one registered) the full read finds out what changed.
    /// </summary>
    public override async Task<ReadResult?> ReadLiveAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var versionId = State(context.OldOutputs).VersionId;
        if (!string.IsNullOrEmpty(versionId) && await NewestVersionIdsAsync(services().Kfp, context.Id, cancellationToken) is { } newest
            && newest.Contains(versionId))
        {
            return new ReadResult(context.Id, context.OldOutputs, context.OldInputs);
        }
        return await ReadAsync(context, cancellationToken);
    }

    /// <summary>The IDs of the versions created in the newest second (from the newest 10); null when the pipeline is gone.</summary>
    private static async Task<IReadOnlyList<string>?> NewestVersionIdsAsync(IKfpClient kfp, string pipelineId, CancellationToken cancellationToken)
    {
        try
        {
            var page = await kfp.ListPipelineVersionsAsync(pipelineId, new KfpListOptions { PageSize = 10, SortBy = KfpSort.Desc("created_at") }, cancellationToken);
            return [.. PipelineVersionPlan.Newest(page.Items.Select(v => new LiveVersion(v.PipelineVersionId, v.Name, "", v.CreatedAt))).Select(v => v.Id)];
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>A new spec means a new current version: which one is known only once it is registered.</summary>
    public override PropertyMap PreviewUpdate(UpdateContext context)
    {
        var outputs = base.PreviewUpdate(context);
        return Args(context.News).SpecHash is { } hash && hash == State(context.OldOutputs).SpecHash
            ? outputs
            : outputs.With("versionId", PropertyValue.Unknown).With("versionName", KnownVersionName(context.News) ?? PropertyValue.Unknown)
                .With("versionIds", PropertyValue.Unknown);
    }

    private PropertyMap Outputs(PropertyMap inputs, Pipeline pipeline, PipelineVersion? version, string specHash, IEnumerable<string> made) =>
        Write(new PipelineState
        {
            Name = pipeline.Name.Length > 0 ? pipeline.Name : pipeline.DisplayName,
            DisplayName = pipeline.DisplayName,
            // KFP's "" for what the program did not set is left out, so nothing shows as `namespace: ""`.
            Description = pipeline.Description.Length > 0 ? pipeline.Description : null,
            Namespace = pipeline.Namespace.Length > 0 ? pipeline.Namespace : null,
            PipelineId = pipeline.PipelineId,
            VersionId = version?.PipelineVersionId ?? "",
            VersionName = version?.Name ?? "",
            VersionIds = [.. made],
            SpecHash = specHash,
            CreatedAt = pipeline.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
        }, inputs);

    private static async Task<PipelineVersion?> FindVersionAsync(IKfpClient kfp, string pipelineId, string versionId, CancellationToken cancellationToken)
    {
        try
        {
            return await kfp.GetPipelineVersionAsync(pipelineId, versionId, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

}
