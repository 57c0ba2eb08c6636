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
public sealed partial class PipelineResource
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
        var recorded = new InputReader(context.OldOutputs);
        var versionId = recorded.String("versionId");
        var version = string.IsNullOrEmpty(versionId)
            ? context.OldOutputs.Count == 0 ? await LatestVersionAsync(kfp, context.Id, cancellationToken) : null
            : await FindVersionAsync(kfp, context.Id, versionId, cancellationToken);
        // A version deleted by hand reads as an empty spec hash: Diff shows drift and Update uploads it again.
        var liveHash = version is null ? "" : context.OldInputs.Has("specHash") ? new InputReader(context.OldInputs).String("specHash")! : HashOf(version);
        var inputs = context.OldInputs
            .With("name", PropertyValue.Of(pipeline.Name.Length > 0 ? pipeline.Name : pipeline.DisplayName))
            .With("specHash", PropertyValue.Of(context.OldInputs.Has("specHash") ? new InputReader(context.OldInputs).String("specHash") : liveHash));
        if (pipeline.DisplayName.Length > 0)
        {
            inputs = inputs.With("displayName", PropertyValue.Of(pipeline.DisplayName));
        }
        if (pipeline.Description.Length > 0 || context.OldInputs.Has("description"))
        {
            inputs = inputs.With("description", PropertyValue.Of(pipeline.Description));
        }
        if (context.OldInputs.Count == 0 && pipeline.Namespace.Length > 0)
        {
            inputs = inputs.With("namespace", PropertyValue.Of(pipeline.Namespace));
        }
        var made = recorded.StringList("versionIds");
        var outputs = Outputs(inputs, pipeline, version, liveHash, made.IsEmpty && version is not null && context.OldOutputs.Count == 0 ? [] : made);
        return new ReadResult(pipeline.PipelineId, outputs, inputs);
    }

    /// <summary>
    /// For Diff: one GET of the recorded version (versions are immutable, so if it is there, nothing drifted);
    /// only when it is gone does the full read find out whether the pipeline went with it.
    /// </summary>
    public override async Task<ReadResult?> ReadLiveAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var versionId = new InputReader(context.OldOutputs).String("versionId");
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
        return PropertyValueComparer.DeepEquals(context.News.Get("specHash"), context.OldOutputs.Get("specHash"))
            ? outputs
            : outputs.With("versionId", PropertyValue.Unknown).With("versionName", PropertyValue.Unknown).With("versionIds", PropertyValue.Unknown);
    }

    /// <summary>Deletes the oldest versions this resource made beyond <paramref name="keep"/> older ones.</summary>
    private async Task<List<string>> PruneAsync(string pipelineId, List<string> made, string currentId, long? keep, CancellationToken cancellationToken)
    {
        if (keep is not { } k)
        {
            return made;
        }
        var older = made.Where(v => v != currentId).ToList();
        var remove = older.Take(Math.Max(0, older.Count - (int)k)).ToList();
        foreach (var versionId in remove)
        {
            await IgnoreNotFound(() => services().Kfp.DeletePipelineVersionAsync(pipelineId, versionId, cancellationToken));
        }
        return [.. made.Where(v => !remove.Contains(v))];
    }

    private static PropertyMap Outputs(PropertyMap inputs, Pipeline pipeline, PipelineVersion? version, string specHash, IEnumerable<string> made) => inputs
        .With("name", PropertyValue.Of(pipeline.Name.Length > 0 ? pipeline.Name : pipeline.DisplayName))
        .With("displayName", PropertyValue.Of(pipeline.DisplayName))
        .With("description", PropertyValue.Of(pipeline.Description))
        .With("namespace", PropertyValue.Of(pipeline.Namespace))
        .With("pipelineId", PropertyValue.Of(pipeline.PipelineId))
        .With("versionId", PropertyValue.Of(version?.PipelineVersionId ?? ""))
        .With("versionName", PropertyValue.Of(version?.Name ?? ""))
        .With("versionIds", PropertyValue.Of(made.Select(PropertyValue.Of)))
        .With("specHash", PropertyValue.Of(specHash))
        .With("createdAt", PropertyValue.Of(pipeline.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? ""));

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
