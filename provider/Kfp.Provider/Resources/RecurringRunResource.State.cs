using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

// Reading a recurring run back from KFP (refresh, drift, import) and the outputs recorded in state.
public sealed partial class RecurringRunResource
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
        // KFP cannot change a recurring run except by enabling or disabling it: the recorded inputs stay, with the live `enabled`.
        var recorded = context.OldInputs.Count > 0 ? context.OldInputs : Differ.InputsFrom(Spec, context.OldOutputs);
        var inputs = recorded.Count > 0 ? recorded.With("enabled", PropertyValue.Of(IsEnabled(live))) : InputsOf(live);
        return new ReadResult(live.RecurringRunId, Outputs(inputs, live), inputs);
    }

    /// <summary>The inputs that would make this recurring run (import).</summary>
    private static PropertyMap InputsOf(RecurringRun live)
    {
        var inputs = PropertyMap.Empty
            .With("name", PropertyValue.Of(live.DisplayName))
            .With("pipelineId", PropertyValue.Of(live.PipelineVersionReference?.PipelineId ?? ""))
            .With("maxConcurrency", PropertyValue.Of(live.MaxConcurrency))
            .With("catchup", PropertyValue.Of(!live.NoCatchup))
            .With("enabled", PropertyValue.Of(IsEnabled(live)))
            .With("parameters", RunFields.Parameters(live.RuntimeConfig));
        var optional = new (string Name, string Value)[]
        {
            ("description", live.Description),
            ("pipelineVersionId", live.PipelineVersionReference?.PipelineVersionId ?? ""),
            ("experimentId", live.ExperimentId),
            ("serviceAccount", live.ServiceAccount),
            ("namespace", live.Namespace),
            ("cron", live.Trigger?.CronSchedule?.Cron ?? ""),
            ("startTime", RunFields.Time(live.Trigger?.CronSchedule?.StartTime ?? live.Trigger?.PeriodicSchedule?.StartTime)),
            ("endTime", RunFields.Time(live.Trigger?.CronSchedule?.EndTime ?? live.Trigger?.PeriodicSchedule?.EndTime)),
        };
        inputs = optional.Where(o => o.Value.Length > 0).Aggregate(inputs, (map, o) => map.With(o.Name, PropertyValue.Of(o.Value)));
        if (live.Trigger?.PeriodicSchedule is { } periodic)
        {
            inputs = inputs.With("intervalSeconds", PropertyValue.Of(periodic.IntervalSecond));
        }
        return PropertyMap.From(inputs.Where(p => p.Value is not NullValue));
    }

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

    private static PropertyMap Outputs(PropertyMap inputs, RecurringRun live) => inputs
        .With("enabled", PropertyValue.Of(IsEnabled(live)))
        .With("recurringRunId", PropertyValue.Of(live.RecurringRunId))
        .With("status", PropertyValue.Of(live.Status switch
        {
            RecurringRunStatus.Enabled => "ENABLED",
            RecurringRunStatus.Disabled => "DISABLED",
            _ => "STATUS_UNSPECIFIED",
        }))
        .With("createdAt", PropertyValue.Of(RunFields.Time(live.CreatedAt)));
}
