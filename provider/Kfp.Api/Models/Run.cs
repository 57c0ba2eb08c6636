using System.Text.Json;

namespace Kfp.Api.Models;

/// <summary>A KFP run as the server returns it.</summary>
public sealed record Run
{
    public string RunId { get; init => field = value ?? ""; } = "";

    public string ExperimentId { get; init => field = value ?? ""; } = "";

    public string DisplayName { get; init => field = value ?? ""; } = "";

    public string Description { get; init => field = value ?? ""; } = "";

    public StorageState StorageState { get; init; }

    public PipelineVersionReference? PipelineVersionReference { get; init; }

    public JsonElement? PipelineSpec { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    public string ServiceAccount { get; init => field = value ?? ""; } = "";

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Null while the run is not finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    public RuntimeState State { get; init; }

    public KfpStatus? Error { get; init; }

    public string RecurringRunId { get; init => field = value ?? ""; } = "";

    /// <summary>The run's workflow nodes and their states; null until KFP reports any.</summary>
    public RunDetails? RunDetails { get; init; }

    public bool IsTerminal => State is RuntimeState.Succeeded or RuntimeState.Skipped or RuntimeState.Failed or RuntimeState.Canceled;
}
