using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Experiment</c>: a KFP experiment. KFP cannot update experiments, so every change replaces;
/// the name and description are compared with the live experiment, so changes made in the UI show as drift.
/// </summary>
internal sealed class ExperimentResource(Func<ProviderServices> services)
    : Resource<ExperimentArgs, ExperimentState>(ExperimentArgs.Shape, ExperimentState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:Experiment",
        "A Kubeflow Pipelines experiment: a named group of runs and recurring runs. KFP cannot update experiments: any change replaces it.",
        ExperimentArgs.Shape, ExperimentState.Shape, idProperty: "experimentId", autoNamed: true);

    public override ResourceDefinition Definition => Spec;

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = Args(context.Inputs);
        var name = inputs.Name ?? "";
        var ns = inputs.Namespace ?? services().DefaultNamespace;
        var request = new CreateExperimentRequest(name) { Description = inputs.Description, Namespace = ns };
        try
        {
            var created = await services().Kfp.CreateExperimentAsync(request, cancellationToken);
            return new CreateResult(created.ExperimentId, Outputs(created, context.Inputs));
        }
        catch (KfpApiException e) when (e.IsAlreadyExists && e.ExistingMatches && e.ExistingId is { Length: > 0 } id)
        {
            // Exactly what this resource would create (an earlier create whose answer was lost, or a provider stopped
            // after KFP committed it): adopt it rather than fail or orphan it.
            var adopted = await services().Kfp.GetExperimentAsync(id, cancellationToken);
            return new CreateResult(adopted.ExperimentId, Outputs(adopted, context.Inputs));
        }
        catch (KfpApiException e) when (e.IsAlreadyExists)
        {
            var existing = await services().Kfp.FindExperimentAsync(name, ns, cancellationToken);
            throw new ResourceException(
                $"experiment '{name}' already exists{(ns is null ? "" : $" in namespace '{ns}'")}: choose another name, or adopt it with " +
                $"`pulumi import kfp:index:Experiment {context.Resource.Name} {existing?.ExperimentId ?? "<experiment-id>"}`", e);
        }
    }

    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        Experiment live;
        try
        {
            live = await services().Kfp.GetExperimentAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
        var recorded = Args(context.OldInputs);
        var inputs = Write(new ExperimentArgs
        {
            Name = live.DisplayName,
            Description = live.Description.Length > 0 ? live.Description : null,
            Namespace = recorded.Namespace is not null || (live.Namespace.Length > 0 && context.OldInputs.Count == 0) ? live.Namespace : null,
        });
        return new ReadResult(live.ExperimentId, Outputs(live, inputs), inputs);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        try
        {
            await services().Kfp.DeleteExperimentAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            // Already gone: deleting it is done.
        }
    }

    private PropertyMap Outputs(Experiment experiment, PropertyMap inputs) => Write(new ExperimentState
    {
        Name = experiment.DisplayName,
        // KFP's "" for what the program did not set is left out (a preview never shows `description: ""`); a
        // description the program set stays, even empty, so a change in the cluster still shows as drift.
        Description = experiment.Description.Length > 0 || Args(inputs).Description is not null ? experiment.Description : null,
        Namespace = experiment.Namespace.Length > 0 ? experiment.Namespace : null,
        ExperimentId = experiment.ExperimentId,
        CreatedAt = experiment.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        StorageState = experiment.StorageState.ToString().ToUpperInvariant(),
    }, inputs);
}
