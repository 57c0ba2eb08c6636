using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

/// <summary>A KFP recurring run (schedule) as the server returns it.</summary>
public sealed record RecurringRun
{
    public string RecurringRunId { get; init => field = value ?? ""; } = "";

    public string DisplayName { get; init => field = value ?? ""; } = "";

    public string Description { get; init => field = value ?? ""; } = "";

    /// <summary>Only <c>PipelineId</c> set = follows the latest version at trigger time.</summary>
    public PipelineVersionReference? PipelineVersionReference { get; init; }

    /// <summary>Inline spec, when created from one.</summary>
    public JsonElement? PipelineSpec { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    public string ServiceAccount { get; init => field = value ?? ""; } = "";

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long MaxConcurrency { get; init; }

    public Trigger? Trigger { get; init; }

    public RecurringRunMode Mode { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public RecurringRunStatus Status { get; init; }

    public KfpStatus? Error { get; init; }

    public bool NoCatchup { get; init; }

    public string Namespace { get; init => field = value ?? ""; } = "";

    public string ExperimentId { get; init => field = value ?? ""; } = "";
}
