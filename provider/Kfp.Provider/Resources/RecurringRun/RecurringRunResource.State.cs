using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

// Reading a recurring run back from KFP (refresh, drift, import) and the outputs recorded in state.
internal sealed partial class RecurringRunResource
{
    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        RecurringRun live;
        try
        {
            live = await services().Kfp.GetRecurringRunAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            return null;
        }
        // KFP cannot change a recurring run except by enabling or disabling it: the recorded inputs stay, with the live
        // `enabled`, and the cron as the program wrote it unless the live one means another schedule.
        var recorded = context.OldInputs.Count > 0 ? context.OldInputs : Differ.InputsFrom(Spec, context.OldOutputs);
        var inputs = recorded.Count > 0 ? Write(new RecurringRunArgs { Enabled = IsEnabled(live), Cron = LiveCron(Args(recorded), live) }, recorded) : InputsOf(live);
        return new ReadResult(live.RecurringRunId, Outputs(inputs, live), inputs);
    }

    /// <summary>The inputs that would make this recurring run (import).</summary>
    private PropertyMap InputsOf(RecurringRun live) => Write(new RecurringRunArgs
    {
        Name = live.DisplayName,
        PipelineId = live.PipelineVersionReference?.PipelineId ?? "",
        MaxConcurrency = live.MaxConcurrency,
        Catchup = !live.NoCatchup,
        Enabled = IsEnabled(live),
        Parameters = RunFields.Parameters(live.RuntimeConfig),
        Description = NonEmpty(live.Description),
        PipelineVersionId = NonEmpty(live.PipelineVersionReference?.PipelineVersionId),
        ExperimentId = NonEmpty(live.ExperimentId),
        ServiceAccount = NonEmpty(live.ServiceAccount),
        Namespace = NonEmpty(live.Namespace),
        Cron = NonEmpty(live.Trigger?.CronSchedule?.Cron) is { } cron ? CronExpression.Standard(cron) : null,
        StartTime = NonEmpty(RunFields.Time(live.Trigger?.CronSchedule?.StartTime ?? live.Trigger?.PeriodicSchedule?.StartTime)),
        EndTime = NonEmpty(RunFields.Time(live.Trigger?.CronSchedule?.EndTime ?? live.Trigger?.PeriodicSchedule?.EndTime)),
        IntervalSeconds = live.Trigger?.PeriodicSchedule?.IntervalSecond,
    });

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The recorded cron while it means the live schedule (null: keep it), else the live one as people write it.</summary>
    private static string? LiveCron(RecurringRunArgs recorded, RecurringRun live) =>
        NonEmpty(live.Trigger?.CronSchedule?.Cron) is { } liveCron && recorded.Cron is { } cron
        && CronExpression.Meaning(cron) != CronExpression.Meaning(liveCron)
            ? CronExpression.Standard(liveCron)
            : null;

    /// <summary>With a namespace and an experiment, the experiment must be in that namespace (KFP takes the namespace from it).</summary>
    private async Task CheckNamespaceAsync(string name, string? ns, string? experimentId, CancellationToken cancellationToken)
    {
        if (ns is not { Length: > 0 } || experimentId is null)
        {
            return;
        }
        Experiment experiment;
        try
        {
            experiment = await services().Kfp.GetExperimentAsync(experimentId, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            throw new ResourceException($"recurring run '{name}': experiment '{experimentId}' does not exist; set experimentId to an existing experiment", e);
        }
        if (experiment.Namespace.Length > 0 && experiment.Namespace != ns)
        {
            throw new ResourceException($"recurring run '{name}': experiment '{experimentId}' is in namespace '{experiment.Namespace}', not '{ns}'; " +
                "KFP puts a recurring run in its experiment's namespace, so pick an experiment in that namespace or change namespace");
        }
    }

    private static bool IsEnabled(RecurringRun live) =>
        live.Status == RecurringRunStatus.Enabled || (live.Status == RecurringRunStatus.Unspecified && live.Mode == RecurringRunMode.Enable);

    private PropertyMap Outputs(PropertyMap inputs, RecurringRun live) => Write(new RecurringRunState
    {
        Enabled = IsEnabled(live),
        RecurringRunId = live.RecurringRunId,
        Status = live.Status switch
        {
            RecurringRunStatus.Enabled => "ENABLED",
            RecurringRunStatus.Disabled => "DISABLED",
            _ => "STATUS_UNSPECIFIED",
        },
        CreatedAt = RunFields.Time(live.CreatedAt),
        KfpCron = NonEmpty(live.Trigger?.CronSchedule?.Cron),
    }, inputs);
}
