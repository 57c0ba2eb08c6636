using System.Globalization;
using System.Text.RegularExpressions;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>
/// Validates a cron expression the way KFP's scheduler library does (robfig/cron v1.2.0 <c>Parse</c>): 5 or 6
/// fields <c>sec min hour dom month [dow]</c> (so a classic 5-field string is read seconds-first), <c>*</c>,
/// <c>?</c>, ranges, steps, lists, month and weekday names, and descriptors (<c>@hourly</c>, <c>@every 1h30m</c>…).
/// </summary>
internal static partial class CronParser
{
    private static readonly (int Min, int Max, string[]? Names)[] Bounds =
    [
        (0, 59, null),
        (0, 59, null),
        (0, 23, null),
        (1, 31, null),
        (1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    /// <summary>Null when valid, else the parser's complaint.</summary>
    public static string? Check(string spec)
    {
        spec = spec.Trim();
        if (spec.StartsWith('@'))
        {
            if (Descriptors.Contains(spec))
            {
                return null;
            }
            if (spec.StartsWith("@every ", StringComparison.Ordinal))
            {
                return GoDuration().IsMatch(spec[7..].Trim()) ? null : $"Failed to parse duration {spec}: time: invalid duration {spec[7..]}";
            }
            return $"Unrecognized descriptor: {spec}";
        }
        var fields = spec.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            return $"Expected 5 to 6 fields, found {fields.Length}: {spec}";
        }
        for (var i = 0; i < fields.Length; i++)
        {
            if (CheckField(fields[i], Bounds[i]) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static string? CheckField(string field, (int Min, int Max, string[]? Names) bounds)
    {
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, "1"),
                [var r, var s] => (r, s),
                _ => (part, "x"),
            };
            if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var stepValue) || stepValue < 1)
            {
                return $"Failed to parse int from {step}: strconv.Atoi: parsing \"{step}\": invalid syntax";
            }
            if (range is "*" or "?")
            {
                continue;
            }
            var ends = range.Split('-');
            if (ends.Length > 2)
            {
                return $"Too many hyphens: {range}";
            }
            foreach (var end in ends)
            {
                if (Value(end, bounds) is not { } value)
                {
                    return $"Failed to parse int from {end}: strconv.Atoi: parsing \"{end}\": invalid syntax";
                }
                if (value < bounds.Min || value > bounds.Max)
                {
                    return $"Value ({value}) out of range [{bounds.Min}, {bounds.Max}]: {range}";
                }
            }
        }
        return null;
    }

    private static int? Value(string text, (int Min, int Max, string[]? Names) bounds)
    {
        if (bounds.Names is { } names && Array.IndexOf(names, text.ToLowerInvariant()) is var i and >= 0)
        {
            return i + bounds.Min;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
