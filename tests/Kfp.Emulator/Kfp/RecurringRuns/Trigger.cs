using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>A stored trigger read back for firing: a cron or an interval, with optional start and end times.</summary>
internal sealed record Trigger(CronSchedule? Cron, TimeSpan Interval, DateTimeOffset? StartTime, DateTimeOffset? EndTime)
{
    public static Trigger From(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? [];
        var schedule = (node["cron_schedule"] ?? node["periodic_schedule"]) as JsonObject ?? [];
        var cron = node["cron_schedule"] is not null ? CronSchedule.Parse(schedule["cron"]?.ToString() ?? "") : null;
        var interval = long.TryParse(schedule["interval_second"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return new Trigger(cron, TimeSpan.FromSeconds(Math.Max(1, interval)), Time(schedule["start_time"]), Time(schedule["end_time"]));
    }

    /// <summary>
    /// The next slot after the last one (or after creation, or after <see cref="StartTime"/> when later), as KFP's
    /// ScheduledWorkflow controller computes it; null when the end time is passed or the cron never matches.
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset? lastTriggered, DateTimeOffset created)
    {
        var start = lastTriggered ?? (StartTime is { } st && st > created ? st : created);
        var next = Cron is null ? start + Interval : Cron.Next(start);
        return next is { } n && EndTime is { } end && end < n ? null : next;
    }

    /// <summary>Without catch-up: a cron jumps to its latest slot not after <paramref name="now"/>; an interval fires at now.</summary>
    public DateTimeOffset SkipMissed(DateTimeOffset slot, DateTimeOffset now)
    {
        if (Cron is null)
        {
            return slot < now ? now : slot;
        }
        while (Cron.Next(slot) is { } later && later <= now && (EndTime is not { } end || later <= end))
        {
            slot = later;
        }
        return slot;
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        DateTimeOffset.TryParse(node?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
