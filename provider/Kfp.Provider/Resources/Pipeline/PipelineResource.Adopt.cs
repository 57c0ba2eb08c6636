using System.Collections.Immutable;
using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Compiler;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Resources;

// Creating the pipeline (or adopting the identical one that holds its name), and what KFP cannot change in place.
internal sealed partial class PipelineResource
{
    /// <summary>
    /// Creates the pipeline. When KFP says the name is taken by a pipeline that is exactly what this create would make
    /// (same name, display name, description and namespace, and every version it holds is this program's spec, e.g.
    /// made by an earlier `up` whose answer was lost), that pipeline is adopted with those versions; otherwise the
    /// failure says how to import it.
    /// </summary>
    private async Task<(Pipeline Pipeline, ImmutableArray<string> Adopted)> CreateOrAdoptAsync(
        CreateContext context, PipelineArgs inputs, CompiledPipeline compiled, CancellationToken cancellationToken)
    {
        var kfp = services().Kfp;
        var name = inputs.Name ?? "";
        try
        {
            var created = await kfp.CreatePipelineAsync(new CreatePipelineRequest(name)
            {
                DisplayName = inputs.DisplayName ?? name,
                Description = inputs.Description,
                Namespace = inputs.Namespace ?? services().DefaultNamespace,
            }, cancellationToken);
            return (created, []);
        }
        catch (KfpApiException e) when (e.IsAlreadyExists)
        {
            var id = e.ExistingId;
            var import = $"`pulumi import kfp:index:Pipeline {context.Resource.Name} {id ?? "<pipeline-id>"}`";
            if (id is null || !e.ExistingMatches)
            {
                throw new ResourceException($"pipeline '{name}' already exists and differs from this program: choose another name, " +
                    $"or adopt it with {import} and make the program match it", e);
            }
            var live = await LiveVersionsAsync(kfp, id, cancellationToken);
            var others = live.Count(v => v.Live.SpecHash != compiled.SpecHash);
            if (others > 0)
            {
                throw new ResourceException($"pipeline '{name}' already exists with {others} version(s) of another spec, so it was not adopted: " +
                    $"import it with {import} (its versions then stay as they are), or choose another name", e);
            }
            return (await kfp.GetPipelineAsync(id, cancellationToken), [.. live.Select(v => v.Live.Id)]);
        }
    }

    /// <summary>
    /// KFP cannot change a pipeline's description (nor a version's): a changed description goes on the versions
    /// registered from now on, and the user is told that the pipeline keeps its own.
    /// </summary>
    private async Task WarnAboutDescriptionAsync(UpdateContext context, Pipeline pipeline, PipelineArgs inputs, CancellationToken cancellationToken)
    {
        var wanted = inputs.Description ?? "";
        if (wanted == (Args(context.OldInputs).Description ?? "") || wanted == pipeline.Description)
        {
            return;
        }
        await services().Log.LogAsync(LogLevel.Warning,
            $"{context.Resource.Name}: KFP cannot change the description of pipeline '{pipeline.Name}', so it keeps \"{pipeline.Description}\"; " +
            "versions registered from now on (a new spec) carry the new description. To change the pipeline's own description, " +
            "replace it (change `name`), which deletes its version history",
            context.Resource.Urn, false, cancellationToken);
    }
}
