using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Api;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Compiler;

namespace Kfp.Provider.Resources;

// The pipeline's versions in KFP: read with their spec hashes, and made to end with the program's spec.
internal sealed partial class PipelineResource
{
    /// <summary>The current version after a create or update, and the versions this resource made that it keeps.</summary>
    private sealed record Versions(PipelineVersion Current, ImmutableArray<string> Kept);

    /// <summary>
    /// Makes the program's spec KFP's latest version of the pipeline (<see cref="PipelineVersionPlan"/>: reuse the newest
    /// version when it holds the spec, else upload), then prunes what this resource made per <c>keepVersions</c>.
    /// Versions in <paramref name="made"/> that are gone from KFP are forgotten.
    /// </summary>
    private async Task<Versions> SettleVersionsAsync(
        string pipelineId, PipelineArgs inputs, CompiledPipeline compiled, IEnumerable<string> made, CancellationToken cancellationToken)
    {
        var kfp = services().Kfp;
        var live = await LiveVersionsAsync(kfp, pipelineId, cancellationToken);
        var plan = PipelineVersionPlan.For(compiled.SpecHash, EffectiveVersionName(inputs, compiled), inputs.VersionName is not null,
            [.. live.Select(v => v.Live)]);
        var current = plan.ReuseVersionId is { } reuse
            ? live.First(v => v.Live.Id == reuse).Version
            : await kfp.UploadPipelineVersionAsync(
                new UploadPipelineVersionRequest(pipelineId, plan.VersionName, compiled.Yaml) { Description = inputs.Description },
                cancellationToken);
        var present = live.Select(v => v.Live.Id).ToHashSet(StringComparer.Ordinal);
        var (kept, delete) = PipelineVersionPlan.Prune(made.Where(present.Contains), current.PipelineVersionId, inputs.KeepVersions);
        foreach (var versionId in delete)
        {
            await IgnoreNotFound(() => kfp.DeletePipelineVersionAsync(pipelineId, versionId, cancellationToken));
        }
        return new Versions(current, kept);
    }

    /// <summary>Every version of the pipeline (all pages), each with the hash of its stored spec.</summary>
    private static async Task<IReadOnlyList<(PipelineVersion Version, LiveVersion Live)>> LiveVersionsAsync(
        IKfpClient kfp, string pipelineId, CancellationToken cancellationToken)
    {
        var all = new List<(PipelineVersion, LiveVersion)>();
        string? token = null;
        do
        {
            var page = await kfp.ListPipelineVersionsAsync(pipelineId,
                new KfpListOptions { PageSize = 100, PageToken = token, SortBy = KfpSort.Ascending("created_at") }, cancellationToken);
            all.AddRange(page.Items.Select(v => (v, new LiveVersion(v.PipelineVersionId, v.Name, HashOf(v), v.CreatedAt))));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }

    /// <summary>The spec hash of a live version (import, version matching): the same hash Check computes from the source.</summary>
    private static string HashOf(PipelineVersion version)
    {
        if (version.PipelineSpec is not { } spec)
        {
            return "";
        }
        try
        {
            var node = JsonNode.Parse(spec.GetRawText())!.AsObject();
            var document = node["pipeline_spec"] is JsonObject pipelineSpec
                ? new IrDocument((JsonObject)pipelineSpec.DeepClone(), node["platform_spec"]?.DeepClone() as JsonObject)
                : new IrDocument(node, null);
            return SpecHasher.ComputeHash(document);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or FormatException)
        {
            return ""; // a spec this provider cannot read matches no program
        }
    }
}
