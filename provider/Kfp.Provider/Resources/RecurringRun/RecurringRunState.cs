using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:RecurringRun</c>: the schedule as KFP reports it.</summary>
internal sealed record RecurringRunState
{
    public bool? Enabled { get; init; }

    public string? RecurringRunId { get; init; }

    public string? Status { get; init; }

    public string? CreatedAt { get; init; }

    public string? KfpCron { get; init; }

    public static RecordShape<RecurringRunState> Shape { get; } = RecordShape<RecurringRunState>.Outputs(() => new())
        .Boolean("enabled", x => x.Enabled, (x, v) => x with { Enabled = v }, "")
        .String("recurringRunId", x => x.RecurringRunId, (x, v) => x with { RecurringRunId = v }, "The KFP recurring run ID.")
        .String("status", x => x.Status, (x, v) => x with { Status = v }, "ENABLED or DISABLED, as KFP reports it.")
        .String("createdAt", x => x.CreatedAt, (x, v) => x with { CreatedAt = v }, "When KFP created the recurring run (RFC 3339).")
        .String("kfpCron", x => x.KfpCron, (x, v) => x with { KfpCron = v },
            "The schedule's cron as KFP stores it: seconds first, 6 fields (`0 2 * * *` is `0 0 2 * * *`), or a descriptor. Absent for `intervalSeconds`.", Prop.Optional);
}
