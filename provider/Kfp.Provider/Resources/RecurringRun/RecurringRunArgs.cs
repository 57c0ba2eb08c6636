using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:RecurringRun</c>.</summary>
internal sealed record RecurringRunArgs
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? PipelineId { get; init; }

    public string? PipelineVersionId { get; init; }

    public string? ExperimentId { get; init; }

    public string? Cron { get; init; }

    public long? IntervalSeconds { get; init; }

    public string? StartTime { get; init; }

    public string? EndTime { get; init; }

    public long? MaxConcurrency { get; init; }

    public bool? Catchup { get; init; }

    public bool? Enabled { get; init; }

    public PropertyValue? Parameters { get; init; }

    public string? ServiceAccount { get; init; }

    public string? Namespace { get; init; }

    public static RecordShape<RecurringRunArgs> Shape { get; } = RecordShape<RecurringRunArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v },
            "Display name of the recurring run (KFP does not require it to be unique). Autonamed when omitted.", Prop.Replace, Rules.KfpName)
        .String("description", x => x.Description, (x, v) => x with { Description = v }, "What the schedule is for.", Prop.Replace, [Rules.Text])
        .String("pipelineId", x => x.PipelineId, (x, v) => x with { PipelineId = v }, "The pipeline to run.", Prop.Required | Prop.Replace, Rules.Reference)
        .String("pipelineVersionId", x => x.PipelineVersionId, (x, v) => x with { PipelineVersionId = v },
            "The pipeline version to run; omit it to run the pipeline's latest version at each trigger.", Prop.Replace, [Rules.NoControlCharacters])
        .String("experimentId", x => x.ExperimentId, (x, v) => x with { ExperimentId = v },
            "The experiment the runs belong to; KFP's default experiment when omitted (required in multi-user mode).", Prop.Replace, [Rules.NoControlCharacters])
        .String("cron", x => x.Cron, (x, v) => x with { Cron = v },
            "Cron schedule: 5 fields (`minute hour day-of-month month day-of-week`), 6 fields (seconds first, as KFP stores it), or a descriptor such as `@daily`. Kept as written; KFP's 6-field form is the output `kfpCron`, and a diff compares the two forms by meaning (`0 2 * * *` is `0 0 2 * * *`). Set exactly one of `cron` and `intervalSeconds`.",
            Prop.Replace, [v => CronExpression.TryToKfp(v, out _, out var error) ? null : error], CronExpression.Meaning)
        .Integer("intervalSeconds", x => x.IntervalSeconds, (x, v) => x with { IntervalSeconds = v },
            "Start a run every this many seconds. Set exactly one of `cron` and `intervalSeconds`.", Prop.Replace, min: 1)
        .String("startTime", x => x.StartTime, (x, v) => x with { StartTime = v },
            "When the schedule starts (RFC 3339 with whole seconds, e.g. `2026-01-01T00:00:00Z`; recorded in UTC).", Prop.Replace, [RunFields.TimeRule])
        .String("endTime", x => x.EndTime, (x, v) => x with { EndTime = v },
            "When the schedule ends (RFC 3339 with whole seconds; recorded in UTC).", Prop.Replace, [RunFields.TimeRule])
        .Integer("maxConcurrency", x => x.MaxConcurrency, (x, v) => x with { MaxConcurrency = v },
            "How many runs of this schedule may run at once, 1 to 10.", Prop.Replace, min: 1, max: 10, @default: 1)
        .Boolean("catchup", x => x.Catchup, (x, v) => x with { Catchup = v },
            "After the scheduler was down, start every missed run (true) or only the latest one (false).", Prop.Replace, @default: false)
        .Boolean("enabled", x => x.Enabled, (x, v) => x with { Enabled = v },
            "Whether the schedule starts runs; changes in place. A schedule disabled in the KFP UI shows as drift, and `pulumi up` enables it again.", Prop.Drift, @default: true)
        .Any("parameters", x => x.Parameters, (x, v) => x with { Parameters = v },
            "Pipeline parameters (`runtime_config.parameters`): a map of parameter names to JSON values.", Prop.Replace, RunFields.ParametersRule)
        .String("serviceAccount", x => x.ServiceAccount, (x, v) => x with { ServiceAccount = v },
            "Kubernetes service account the runs use; KFP's default when omitted.", Prop.Replace, [Rules.DnsSubdomain("service account name")])
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v },
            "KFP profile namespace (multi-user mode). KFP puts a recurring run in its experiment's namespace; when set, the experiment must be in it.", Prop.Replace, Rules.Namespace);
}
