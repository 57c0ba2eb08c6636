using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Run</c>: a one-off run started during <c>up</c> (a smoke test, a backfill). Any changed input
/// starts a new run. With <c>waitForCompletion</c> Create waits for a final state; a run that fails, is
/// canceled or does not finish in time stays in state (partial state) and the error names it.
/// </summary>
public sealed partial class RunResource(Func<ProviderServices> services) : Resource
{
    /// <summary>How long Create waits when neither <c>timeoutSeconds</c> nor a custom create timeout is set.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public static readonly ResourceDefinition Spec = new(
        "kfp:index:Run",
        "A one-off Kubeflow Pipelines run started during `pulumi up` (a smoke test or a backfill). Any changed input starts a new run.",
        [
            new("name", PropertyType.String, "Display name of the run. Autonamed when omitted.") { ReplaceOnChanges = true },
            new("pipelineId", PropertyType.String, "The pipeline to run.") { Required = true, ReplaceOnChanges = true },
            new("pipelineVersionId", PropertyType.String, "The pipeline version to run; the pipeline's latest version when omitted.") { ReplaceOnChanges = true },
            new("experimentId", PropertyType.String, "The experiment the run belongs to; KFP's default experiment when omitted (required in multi-user mode).") { ReplaceOnChanges = true },
            new("parameters", PropertyType.Any, "Pipeline parameters (`runtime_config.parameters`): a map of parameter names to JSON values.") { ReplaceOnChanges = true },
            new("serviceAccount", PropertyType.String, "Kubernetes service account the run uses; KFP's default when omitted.") { ReplaceOnChanges = true },
            new("waitForCompletion", PropertyType.Boolean, "Wait during `up` until the run ends; a run that does not succeed fails the deployment (and stays in state).") { ReplaceOnChanges = true, Default = false },
            new("timeoutSeconds", PropertyType.Integer, "How long to wait for completion; the resource's create timeout, else one hour, when omitted.") { ReplaceOnChanges = true },
            new("deleteOnDestroy", PropertyType.Boolean, "Delete the run from KFP when the resource is destroyed or replaced; otherwise the run is left in KFP.") { ReplaceOnChanges = true, Default = false },
            Output("runId", PropertyType.String, "The KFP run ID."),
            Output("state", PropertyType.String, "The run's state when last read: PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, CANCELING, CANCELED or PAUSED."),
            Output("error", PropertyType.String, "KFP's error message for a run that failed; empty otherwise."),
        ])
    {
        AutoNamed = true,
        IdProperty = "runId",
    };

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(InputReader inputs)
    {
        RunFields.ValidateParameters(inputs);
        inputs.Integer("timeoutSeconds", 1, 7 * 24 * 3600);
    }

    /// <summary>Validates, then records the defaults so diffs stay stable.</summary>
    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        var inputs = Definition.Inputs.Where(s => s.Default is bool && !result.Inputs.Has(s.Name))
            .Aggregate(result.Inputs, (map, s) => map.With(s.Name, PropertyValue.Of((bool)s.Default!)));
        return result with { Inputs = inputs };
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = new InputReader(context.Inputs);
        var name = inputs.RequiredString("name");
        var request = new CreateRunRequest(name)
        {
            ExperimentId = inputs.String("experimentId") is { Length: > 0 } e ? e : null,
            PipelineVersionReference = RunFields.Pipeline(inputs),
            RuntimeConfig = RunFields.RuntimeConfig(context.Inputs),
            ServiceAccount = inputs.String("serviceAccount") is { Length: > 0 } sa ? sa : null,
        };
        Run run;
        try
        {
            run = await services().Kfp.CreateRunAsync(request, cancellationToken);
        }
        catch (KfpApiException ex) when (ex.IsInputError || ex.IsNotFound)
        {
            throw new ResourceException($"KFP refused run '{name}': {ex.ServerMessage}. " +
                "Check pipelineId, pipelineVersionId, experimentId and that parameters match the pipeline's inputs.", ex);
        }
        return new CreateResult(run.RunId, await SettleAsync(context.Inputs, run, context.Timeout, cancellationToken));
    }

    /// <summary>Only reached for a run that did not finish initialising (Diff replaces on any change): wait for it again.</summary>
    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var run = await services().Kfp.GetRunAsync(context.Id, cancellationToken);
        return await SettleAsync(context.News, run, context.Timeout, cancellationToken);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        var recorded = context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs;
        if (new InputReader(recorded).Boolean("deleteOnDestroy") != true)
        {
            return; // The run stays in KFP as a record of what ran.
        }
        try
        {
            await services().Kfp.DeleteRunAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            // Already gone: deleting it is done.
        }
    }
}
