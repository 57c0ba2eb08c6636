using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

/// <summary>
/// Body of <c>POST /apis/v2beta1/recurringruns</c>. Set exactly one of <see cref="PipelineVersionReference"/>
/// and <see cref="PipelineSpec"/>. <see cref="Mode"/> defaults to Enable (the server's default is DISABLED).
/// </summary>
public sealed record CreateRecurringRunRequest(string DisplayName, Trigger Trigger)
{
    public string? Description { get; init; }

    public string? ExperimentId { get; init; }

    public PipelineVersionReference? PipelineVersionReference { get; init; }

    public JsonElement? PipelineSpec { get; init; }

    public RuntimeConfig? RuntimeConfig { get; init; }

    public string? ServiceAccount { get; init; }

    /// <summary>1..10.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long MaxConcurrency { get; init; } = 1;

    public RecurringRunMode Mode { get; init; } = RecurringRunMode.Enable;

    /// <summary>True: after downtime only the latest missed interval runs; false: every missed interval is backfilled.</summary>
    public bool NoCatchup { get; init; }
}
