using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:RecurringRun</c>: a KFP schedule. KFP has no update for recurring runs, so only <c>enabled</c>
/// changes in place (enable/disable endpoints) and every other change replaces. <c>enabled</c> is compared with
/// the live status, so a schedule disabled in the UI shows as drift and <c>up</c> enables it again.
/// </summary>
internal sealed partial class RecurringRunResource(Func<ProviderServices> services)
    : Resource<RecurringRunArgs, RecurringRunState>(RecurringRunArgs.Shape, RecurringRunState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:RecurringRun",
        "A Kubeflow Pipelines recurring run: a schedule that starts runs of a pipeline. KFP cannot update recurring runs: `enabled` changes in place, any other change replaces the schedule.",
        RecurringRunArgs.Shape, RecurringRunState.Shape, idProperty: "recurringRunId", autoNamed: true);

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(RecurringRunArgs inputs, Binder binder)
    {
        if (inputs.Cron is not null && inputs.IntervalSeconds is not null)
        {
            binder.Fail("cron", "set either cron or intervalSeconds, not both");
            binder.Fail("intervalSeconds", "set either cron or intervalSeconds, not both");
        }
        else if (inputs.Cron is null && inputs.IntervalSeconds is null && !binder.IsUnknown("cron") && !binder.IsUnknown("intervalSeconds")
                 && !binder.HasFailed("cron") && !binder.HasFailed("intervalSeconds"))
        {
            binder.Fail("cron", "a recurring run needs a schedule: set cron (e.g. '0 2 * * *') or intervalSeconds");
        }
        if (RunFields.ParseTime(inputs.StartTime) is { } start && RunFields.ParseTime(inputs.EndTime) is { } end && end <= start)
        {
            binder.Fail("endTime", "must be after startTime");
        }
    }

    /// <summary>
    /// Validates, then records the defaults and times in UTC, so diffs stay stable. The cron stays as written (a diff
    /// shows the user's own text); Diff compares crons by meaning and KFP's form is the output <c>kfpCron</c>.
    /// </summary>
    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        var withDefaults = WithDefaults(result.Inputs);
        var inputs = Args(withDefaults);
        var normalised = new RecurringRunArgs
        {
            StartTime = RunFields.ParseTime(inputs.StartTime) is { } start ? RunFields.Time(start) : null,
            EndTime = RunFields.ParseTime(inputs.EndTime) is { } end ? RunFields.Time(end) : null,
        };
        return result with { Inputs = Write(normalised, withDefaults) };
    }

    /// <summary>A new schedule's outputs in preview: <c>kfpCron</c> follows from a known cron.</summary>
    public override PropertyMap PreviewCreate(PropertyMap inputs)
    {
        var preview = base.PreviewCreate(inputs);
        return inputs.Get("cron").Plain is StringValue { Value: var cron } && CronExpression.TryToKfp(cron, out var kfpCron, out _)
            ? Write(new RecurringRunState { KfpCron = kfpCron }, preview)
            : preview.Without("kfpCron");
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = Args(context.Inputs);
        var name = inputs.Name ?? "";
        var experimentId = inputs.ExperimentId is { Length: > 0 } e ? e : null;
        await CheckNamespaceAsync(name, inputs.Namespace, experimentId, cancellationToken);
        var request = new CreateRecurringRunRequest(name, Trigger(inputs))
        {
            Description = inputs.Description,
            ExperimentId = experimentId,
            PipelineVersionReference = RunFields.Pipeline(inputs.PipelineId, inputs.PipelineVersionId),
            RuntimeConfig = RunFields.RuntimeConfig(inputs.Parameters),
            ServiceAccount = inputs.ServiceAccount is { Length: > 0 } sa ? sa : null,
            MaxConcurrency = inputs.MaxConcurrency ?? 1,
            // Always explicit: KFP creates a recurring run DISABLED when the mode is missing.
            Mode = (inputs.Enabled ?? true) ? RecurringRunMode.Enable : RecurringRunMode.Disable,
            NoCatchup = !(inputs.Catchup ?? false),
        };
        // A schedule exactly like this one (a create committed by KFP whose answer never reached the state, e.g. the
        // provider was stopped) is adopted: never a second live schedule for one resource.
        if (await services().Kfp.FindIdenticalRecurringRunAsync(request, cancellationToken) is { } adopted)
        {
            return new CreateResult(adopted.RecurringRunId, Outputs(context.Inputs, adopted));
        }
        try
        {
            var created = await services().Kfp.CreateRecurringRunAsync(request, cancellationToken);
            return new CreateResult(created.RecurringRunId, Outputs(context.Inputs, created));
        }
        catch (KfpApiException ex) when (ex.IsInputError || ex.IsNotFound)
        {
            throw new ResourceException($"KFP refused recurring run '{name}': {ex.ServerMessage}. " +
                "Check pipelineId, pipelineVersionId, experimentId and that parameters match the pipeline's inputs.", ex);
        }
    }

    /// <summary>Only <c>enabled</c> changes in place (Diff replaces for anything else), also to repair drift.</summary>
    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var kfp = services().Kfp;
        if (Args(context.News).Enabled ?? true)
        {
            await kfp.EnableRecurringRunAsync(context.Id, cancellationToken);
        }
        else
        {
            await kfp.DisableRecurringRunAsync(context.Id, cancellationToken);
        }
        return Outputs(context.News, await kfp.GetRecurringRunAsync(context.Id, cancellationToken));
    }

    public override PropertyMap PreviewUpdate(UpdateContext context) =>
        Write(new RecurringRunState { Status = (Args(context.News).Enabled ?? true) ? "ENABLED" : "DISABLED" }, base.PreviewUpdate(context));

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        try
        {
            await services().Kfp.DeleteRecurringRunAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            // Already gone: deleting it is done.
        }
    }

    private static Trigger Trigger(RecurringRunArgs inputs)
    {
        var start = RunFields.ParseTime(inputs.StartTime);
        var end = RunFields.ParseTime(inputs.EndTime);
        if (inputs.Cron is { } cron)
        {
            return Api.Models.Trigger.Cron(CronExpression.TryToKfp(cron, out var kfpCron, out _) ? kfpCron : cron, start, end);
        }
        return Api.Models.Trigger.Every(inputs.IntervalSeconds ?? 0, start, end);
    }
}
