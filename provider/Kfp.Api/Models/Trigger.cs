namespace Kfp.Api.Models;

/// <summary>When a recurring run fires: exactly one of a cron schedule or a periodic schedule.</summary>
public sealed record Trigger
{
    public CronSchedule? CronSchedule { get; init; }

    public PeriodicSchedule? PeriodicSchedule { get; init; }

    public static Trigger Cron(string cron, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        new() { CronSchedule = new CronSchedule(cron) { StartTime = start, EndTime = end } };

    public static Trigger Every(long intervalSeconds, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        new() { PeriodicSchedule = new PeriodicSchedule(intervalSeconds) { StartTime = start, EndTime = end } };
}
