using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:Run</c>: the run as last read.</summary>
internal sealed record RunState
{
    public string? RunId { get; init; }

    public string? State { get; init; }

    public string? Error { get; init; }

    public static RecordShape<RunState> Shape { get; } = RecordShape<RunState>.Outputs(() => new())
        .String("runId", x => x.RunId, (x, v) => x with { RunId = v }, "The KFP run ID.")
        .String("state", x => x.State, (x, v) => x with { State = v },
            "The run's state when last read: PENDING, RUNNING, SUCCEEDED, SKIPPED, FAILED, CANCELING, CANCELED or PAUSED.")
        .String("error", x => x.Error, (x, v) => x with { Error = v }, "KFP's error message for a run that failed; absent otherwise.", Prop.Optional);
}
