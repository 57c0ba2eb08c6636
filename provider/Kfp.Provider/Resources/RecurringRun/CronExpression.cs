using System.Globalization;

namespace Kfp.Provider.Resources;

/// <summary>
/// A recurring run's <c>cron</c> in KFP's form. KFP's scheduler (robfig/cron v1) reads fields seconds first
/// (<c>sec min hour day-of-month month day-of-week</c>), so a standard 5-field expression given as is would
/// run every minute of the wrong hour: 5 fields get a leading <c>0</c> seconds field; 6 are taken as they are.
/// Descriptors such as <c>@daily</c> pass through. Every field is checked, so mistakes fail in preview.
/// </summary>
internal static class CronExpression
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private static readonly Field[] Fields =
    [
        new("second", 0, 59, null),
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day-of-month", 1, 31, null),
        new("month", 1, 12, Months),
        new("day-of-week", 0, 6, Days),
    ];

    /// <summary>Converts <paramref name="cron"/> to KFP's 6-field form; false with a reason when it is not valid.</summary>
    public static bool TryToKfp(string cron, out string kfpCron, out string error)
    {
        kfpCron = "";
        var text = cron.Trim();
        if (text.StartsWith('@'))
        {
            if (Descriptors.Contains(text))
            {
                kfpCron = text;
                error = "";
                return true;
            }
            error = text.StartsWith("@every", StringComparison.Ordinal)
                ? $"'{text}': use intervalSeconds instead of @every"
                : $"'{text}' is not a known descriptor; use one of {string.Join(", ", Descriptors)} or a cron expression";
            return false;
        }
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (5 or 6))
        {
            error = $"'{cron}' has {parts.Length} fields; give 5 (minute hour day-of-month month day-of-week) or 6 (seconds first, as KFP stores it)";
            return false;
        }
        string[] fields = parts.Length == 5 ? ["0", .. parts] : parts;
        for (var i = 0; i < fields.Length; i++)
        {
            if (Check(fields[i], Fields[i]) is { } problem)
            {
                error = $"'{cron}': {Fields[i].Name} field '{fields[i]}' {problem}";
                return false;
            }
        }
        error = "";
        kfpCron = string.Join(' ', fields);
        return true;
    }

    /// <summary>
    /// What a cron means, for Diff: its KFP form, so <c>0 2 * * *</c> and <c>0 0 2 * * *</c> (an imported schedule)
    /// are the same schedule. An expression that is not valid means only itself.
    /// </summary>
    public static string Meaning(string cron) => TryToKfp(cron, out var kfpCron, out _) ? kfpCron : cron;

    /// <summary>
    /// A KFP cron as people write it (import): a 6-field expression whose seconds are <c>0</c> loses them
    /// (<c>0 30 1 * * *</c> is <c>30 1 * * *</c>); anything else stays as KFP has it.
    /// </summary>
    public static string Standard(string kfpCron)
    {
        var parts = kfpCron.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 6 && parts[0] == "0" ? string.Join(' ', parts[1..]) : kfpCron;
    }

    private static string? Check(string field, Field bounds)
    {
        foreach (var part in field.Split(','))
        {
            var slash = part.Split('/');
            if (slash.Length > 2)
            {
                return "has more than one '/'";
            }
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return $"has step '{slash[1]}'; a step must be a whole number of at least 1";
            }
            if (slash[0] is "*" or "?")
            {
                continue;
            }
            var ends = slash[0].Split('-');
            if (ends.Length > 2 || ends.Any(e => e.Length == 0))
            {
                return $"has a malformed range '{slash[0]}'; write it as low-high";
            }
            var values = new int[ends.Length];
            for (var i = 0; i < ends.Length; i++)
            {
                if (Value(ends[i], bounds) is not { } value)
                {
                    return $"has '{ends[i]}', which is not a number{(bounds.Names is null ? "" : " or a name like " + bounds.Names[0])}";
                }
                if (value < bounds.Min || value > bounds.Max)
                {
                    var sunday = bounds.Name == "day-of-week" && value == 7 ? " (use 0 for Sunday)" : "";
                    return $"has {value}, outside {bounds.Min}-{bounds.Max}{sunday}";
                }
                values[i] = value;
            }
            if (values.Length == 2 && values[0] > values[1])
            {
                return $"has the range {slash[0]}, which starts after it ends";
            }
        }
        return null;
    }

    private static int? Value(string text, Field bounds)
    {
        if (bounds.Names is { } names && Array.IndexOf(names, text.ToLowerInvariant()) is var index and >= 0)
        {
            return index + bounds.Min;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private sealed record Field(string Name, int Min, int Max, string[]? Names);
}
