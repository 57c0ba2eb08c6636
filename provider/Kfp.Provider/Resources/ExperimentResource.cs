using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Experiment</c>: a KFP experiment. KFP cannot update experiments, so every change replaces;
/// the name and description are compared with the live experiment, so changes made in the UI show as drift.
/// </summary>
public sealed class ExperimentResource(Func<ProviderServices> services) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:Experiment",
        "A Kubeflow Pipelines experiment: a named group of runs and recurring runs. KFP cannot update experiments: any change replaces it.",
        [
            new("name", PropertyType.String, "The experiment's name, unique per namespace. Autonamed from the resource name when omitted.") { ReplaceOnChanges = true, TracksDrift = true },
            new("description", PropertyType.String, "What the experiment is for.") { ReplaceOnChanges = true, TracksDrift = true },
            new("namespace", PropertyType.String, "KFP profile namespace (multi-user mode); defaults to the provider's `namespace`.") { ReplaceOnChanges = true },
            Output("experimentId", PropertyType.String, "The KFP experiment ID."),
            Output("createdAt", PropertyType.String, "When KFP created the experiment (RFC 3339)."),
            Output("storageState", PropertyType.String, "AVAILABLE, or ARCHIVED when archived in the KFP UI."),
        ])
    {
        AutoNamed = true,
        IdProperty = "experimentId",
    };

    public override ResourceDefinition Definition => Spec;


    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = new InputReader(context.Inputs);
        var name = inputs.RequiredString("name");
        var ns = inputs.String("namespace") ?? services().DefaultNamespace;
        var request = new CreateExperimentRequest(name) { Description = inputs.String("description"), Namespace = ns };
        try
        {
            var created = await services().Kfp.CreateExperimentAsync(request, cancellationToken);
            return new CreateResult(created.ExperimentId, Outputs(created, context.Inputs));
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
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of(live.DisplayName));
        if (live.Description.Length > 0)
        {
            inputs = inputs.With("description", PropertyValue.Of(live.Description));
        }
        if (context.OldInputs.Has("namespace") || (live.Namespace.Length > 0 && context.OldInputs.Count == 0))
        {
            inputs = inputs.With("namespace", PropertyValue.Of(live.Namespace));
        }
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

    private static PropertyMap Outputs(Experiment experiment, PropertyMap inputs) => inputs
        .With("name", PropertyValue.Of(experiment.DisplayName))
        .With("description", PropertyValue.Of(experiment.Description))
        .With("namespace", PropertyValue.Of(experiment.Namespace))
        .With("experimentId", PropertyValue.Of(experiment.ExperimentId))
        .With("createdAt", PropertyValue.Of(experiment.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? ""))
        .With("storageState", PropertyValue.Of(experiment.StorageState.ToString().ToUpperInvariant()));
}
