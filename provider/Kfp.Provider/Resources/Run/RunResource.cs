using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:Run</c>: a one-off run started during <c>up</c> (a smoke test, a backfill). Any changed input
/// starts a new run. With <c>waitForCompletion</c> Create waits for a final state; a run that fails, is
/// canceled or does not finish in time stays in state (partial state) and the error names it.
/// </summary>
internal sealed partial class RunResource(Func<ProviderServices> services)
    : Resource<RunArgs, RunState>(RunArgs.Shape, RunState.Shape)
{
    /// <summary>How long Create waits when neither <c>timeoutSeconds</c> nor a custom create timeout is set.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:Run",
        "A one-off Kubeflow Pipelines run started during `pulumi up` (a smoke test or a backfill). Any changed input starts a new run.",
        RunArgs.Shape, RunState.Shape, idProperty: "runId", autoNamed: true);

    public override ResourceDefinition Definition => Spec;

    /// <summary>Validates, then records the defaults so diffs stay stable.</summary>
    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        return result with { Inputs = WithDefaults(result.Inputs) };
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = Args(context.Inputs);
        var name = inputs.Name ?? "";
        var request = new CreateRunRequest(name)
        {
            ExperimentId = inputs.ExperimentId is { Length: > 0 } e ? e : null,
            PipelineVersionReference = RunFields.Pipeline(inputs.PipelineId, inputs.PipelineVersionId),
            RuntimeConfig = RunFields.RuntimeConfig(inputs.Parameters),
            ServiceAccount = inputs.ServiceAccount is { Length: > 0 } sa ? sa : null,
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
        return new CreateResult(run.RunId, await SettleAsync(context.Resource, context.Inputs, run, context.Timeout, cancellationToken));
    }

    /// <summary>Only reached for a run that did not finish initialising (Diff replaces on any change): wait for it again.</summary>
    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var run = await services().Kfp.GetRunAsync(context.Id, cancellationToken);
        return await SettleAsync(context.Resource, context.News, run, context.Timeout, cancellationToken);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        var recorded = context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs;
        if (Args(recorded).DeleteOnDestroy != true)
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
