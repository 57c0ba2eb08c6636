using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>Reads and validates a recurring run's <c>trigger</c> (a oneof: cron or periodic schedule); returns the JSON to store.</summary>
internal static class TriggerReader
{
    private static readonly string[] TriggerFields = ["cron_schedule", "periodic_schedule"];
    private static readonly string[] CronFields = ["start_time", "end_time", "cron"];
    private static readonly string[] PeriodicFields = ["start_time", "end_time", "interval_second"];

    public static JsonObject Read(RequestBody body, ServerSettings settings, string context)
    {
        var trigger = body.Child("trigger", settings, TriggerFields)
            ?? throw KfpServerException.InvalidInput(context, "a recurring run needs a trigger: cron_schedule or periodic_schedule");
        var cron = trigger.Child("cron_schedule", settings, CronFields);
        var periodic = trigger.Child("periodic_schedule", settings, PeriodicFields);
        if (cron is not null && periodic is not null)
        {
            throw KfpServerException.BadRequestBody("proto: (line 1:2): error parsing \"trigger\", oneof v2beta1.Trigger.trigger is already set");
        }
        if (cron is not null)
        {
            var spec = cron.Str("cron");
            if (CronParser.Check(spec) is { } error)
            {
                throw KfpServerException.InvalidInput(context,
                    $"Schedule cron is not a supported format(https://godoc.org/github.com/robfig/cron). Error: {error}");
            }
            return new JsonObject { ["cron_schedule"] = Times(cron, new JsonOut().Str("cron", spec)).Object };
        }
        if (periodic is not null)
        {
            var interval = periodic.Int64("interval_second");
            if (interval < 1)
            {
                throw KfpServerException.InvalidInput(context, $"Found invalid period. The interval must be at least 1 second. Got {interval}");
            }
            var json = Times(periodic, new JsonOut()).Int64("interval_second", interval);
            return new JsonObject { ["periodic_schedule"] = json.Object };
        }
        throw KfpServerException.InvalidInput(context, "a recurring run needs a trigger: cron_schedule or periodic_schedule");
    }

    private static JsonOut Times(RequestBody schedule, JsonOut json)
    {
        foreach (var name in new[] { "start_time", "end_time" })
        {
            var text = schedule.Str(name);
            if (text.Length == 0)
            {
                continue;
            }
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                throw KfpServerException.BadRequestBody($"proto: (line 1:2): invalid google.protobuf.Timestamp value {text}");
            }
            json.OptionalTime(name, time);
        }
        return json;
    }
}
