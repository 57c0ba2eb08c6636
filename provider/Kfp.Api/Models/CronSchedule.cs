namespace Kfp.Api.Models;

/// <summary>A cron trigger in KFP's 6-field, seconds-first form (e.g. <c>0 0 * * * *</c> = hourly).</summary>
public sealed record CronSchedule(string Cron)
{
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }
}
