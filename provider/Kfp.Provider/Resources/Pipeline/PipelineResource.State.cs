using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Api;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Compiler;
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
        var versionId = recorded.VersionId;
        var version = string.IsNullOrEmpty(versionId)
            ? context.OldOutputs.Count == 0 ? await LatestVersionAsync(kfp, context.Id, cancellationToken) : null
            : await FindVersionAsync(kfp, context.Id, versionId, cancellationToken);
        // A version deleted by hand reads as an empty spec hash: Diff shows drift and Update uploads it again.
        var liveHash = version is null ? "" : recordedInputs.SpecHash ?? HashOf(version);
        var inputs = Write(new PipelineArgs
        {
            Name = pipeline.Name.Length > 0 ? pipeline.Name : pipeline.DisplayName,
            SpecHash = recordedInputs.SpecHash ?? liveHash,
            DisplayName = pipeline.DisplayName.Length > 0 ? pipeline.DisplayName : null,
            Description = pipeline.Description.Length > 0 || recordedInputs.Description is not null ? pipeline.Description : null,
            Namespace = context.OldInputs.Count == 0 && pipeline.Namespace.Length > 0 ? pipeline.Namespace : null,
        }, context.OldInputs);
        var made = recorded.VersionIds ?? [];
        var outputs = Outputs(inputs, pipeline, version, liveHash, made.IsEmpty && version is not null && context.OldOutputs.Count == 0 ? [] : made);
        return new ReadResult(pipeline.PipelineId, outputs, inputs);
    }

    /// <summary>
    /// For Diff: one GET of the recorded version (versions are immutable, so if it is there, nothing drifted);
    /// only when it is gone does the full read find out whether the pipeline went with it.
    /// </summary>
    public override async Task<ReadResult?> ReadLiveAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var versionId = State(context.OldOutputs).VersionId;
        if (!string.IsNullOrEmpty(versionId) && await FindVersionAsync(services().Kfp, context.Id, versionId, cancellationToken) is not null)
        {
            return new ReadResult(context.Id, context.OldOutputs, context.OldInputs);
        }
        return await ReadAsync(context, cancellationToken);
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
            Description = pipeline.Description,
            Namespace = pipeline.Namespace,
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

    private static async Task<PipelineVersion?> LatestVersionAsync(IKfpClient kfp, string pipelineId, CancellationToken cancellationToken)
    {
        var page = await kfp.ListPipelineVersionsAsync(pipelineId, new KfpListOptions { PageSize = 1, SortBy = KfpSort.Desc("created_at") }, cancellationToken);
        return page.Items.Count > 0 && page.Items[0] is { } latest ? await FindVersionAsync(kfp, pipelineId, latest.PipelineVersionId, cancellationToken) : null;
    }

    /// <summary>The spec hash of a live version (import): the same hash Check computes from the source.</summary>
    private static string HashOf(PipelineVersion version)
    {
        if (version.PipelineSpec is not { } spec)
        {
            return "";
        }
        var node = JsonNode.Parse(spec.GetRawText())!.AsObject();
        var document = node["pipeline_spec"] is JsonObject pipelineSpec
            ? new IrDocument((JsonObject)pipelineSpec.DeepClone(), node["platform_spec"]?.DeepClone() as JsonObject)
            : new IrDocument(node, null);
        return SpecHasher.ComputeHash(document);
    }
}
