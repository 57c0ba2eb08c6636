using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

/// <summary>A fixed-interval trigger.</summary>
public sealed record PeriodicSchedule(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] long IntervalSecond)
{
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }
}
