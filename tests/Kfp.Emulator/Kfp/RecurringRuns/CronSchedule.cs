using System.Globalization;
using System.Text.RegularExpressions;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>
/// When a cron trigger fires next, as robfig/cron v1.2.0 (KFP's scheduler) computes it: fields
/// <c>sec min hour dom month [dow]</c>, descriptors, <c>@every</c>; day-of-month and day-of-week are ANDed when
/// either is <c>*</c>/<c>?</c>, else ORed; no match within five years means never. Times are UTC (KFP uses the
/// controller's zone or <c>CRON_SCHEDULE_TIMEZONE</c>). The expression was validated by <see cref="CronParser"/>.
/// </summary>
internal sealed partial class CronSchedule
{
    private const ulong StarBit = 1UL << 63;
    private static readonly (int Min, int Max, string[]? Names)[] Bounds =
    [
        (0, 59, null), (0, 59, null), (0, 23, null), (1, 31, null),
        (1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 0 1 1 *", ["@annually"] = "0 0 0 1 1 *", ["@monthly"] = "0 0 0 1 * *",
        ["@weekly"] = "0 0 0 * * 0", ["@daily"] = "0 0 0 * * *", ["@midnight"] = "0 0 0 * * *", ["@hourly"] = "0 0 * * * *",
    };

    private readonly ulong[] _fields;
    private readonly TimeSpan? _every;

    private CronSchedule(ulong[] fields, TimeSpan? every)
    {
        _fields = fields;
        _every = every;
    }

    public static CronSchedule Parse(string spec)
    {
        spec = spec.Trim();
        if (spec.StartsWith("@every ", StringComparison.Ordinal))
        {
            var delay = GoDuration(spec[7..].Trim());
            delay = TimeSpan.FromSeconds(Math.Floor(delay.TotalSeconds));
            return new CronSchedule([], delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay);
        }
        spec = Descriptors.GetValueOrDefault(spec, spec);
        var parts = spec.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count == 5)
        {
            parts.Add("*"); // robfig v1.2.0: the day-of-week field is optional
        }
        return new CronSchedule([.. parts.Select((p, i) => Field(p, Bounds[i]))], null);
    }

    /// <summary>The first activation strictly after <paramref name="after"/>; null when there is none within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = new DateTime(after.UtcDateTime.Ticks - (after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        if (_every is { } every)
        {
            return new DateTimeOffset(t + every, TimeSpan.Zero);
        }
        t = t.AddSeconds(1);
        var added = false;
        var yearLimit = t.Year + 5;
    Wrap:
        if (t.Year > yearLimit)
        {
            return null;
        }
        while (!Has(4, t.Month))
        {
            if (!added)
            {
                added = true;
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            }
            t = t.AddMonths(1);
            if (t.Month == 1)
            {
                goto Wrap;
            }
        }
        while (!DayMatches(t))
        {
            if (!added)
            {
                added = true;
                t = t.Date;
            }
            t = t.AddDays(1);
            if (t.Day == 1)
            {
                goto Wrap;
            }
        }
        if (!Step(ref t, ref added, 2, d => d.Hour, TimeSpan.FromHours(1), TimeSpan.TicksPerHour)
            || !Step(ref t, ref added, 1, d => d.Minute, TimeSpan.FromMinutes(1), TimeSpan.TicksPerMinute)
            || !Step(ref t, ref added, 0, d => d.Second, TimeSpan.FromSeconds(1), TimeSpan.TicksPerSecond))
        {
            goto Wrap;
        }
        return new DateTimeOffset(t, TimeSpan.Zero);
    }

    /// <summary>Moves <paramref name="t"/> to the next matching unit; false when it wrapped (start over from the month).</summary>
    private bool Step(ref DateTime t, ref bool added, int field, Func<DateTime, int> part, TimeSpan unit, long unitTicks)
    {
        while (!Has(field, part(t)))
        {
            if (!added)
            {
                added = true;
                t = new DateTime(t.Ticks - (t.Ticks % unitTicks), DateTimeKind.Utc);
            }
            t = t.Add(unit);
            if (part(t) == 0)
            {
                return false;
            }
        }
        return true;
    }

    private bool Has(int field, int value) => (_fields[field] & (1UL << value)) != 0;

    private bool DayMatches(DateTime t)
    {
        var dom = Has(3, t.Day);
        var dow = Has(5, (int)t.DayOfWeek);
        return (_fields[3] & StarBit) != 0 || (_fields[5] & StarBit) != 0 ? dom && dow : dom || dow;
    }

    private static ulong Field(string field, (int Min, int Max, string[]? Names) bounds)
    {
        ulong bits = 0;
        foreach (var part in field.Split(','))
        {
            var pieces = part.Split('/');
            var step = pieces.Length == 2 ? int.Parse(pieces[1], CultureInfo.InvariantCulture) : 1;
            int start, end;
            ulong extra = 0;
            if (pieces[0] is "*" or "?")
            {
                (start, end, extra) = (bounds.Min, bounds.Max, StarBit);
            }
            else
            {
                var ends = pieces[0].Split('-');
                start = Value(ends[0], bounds);
                end = ends.Length == 2 ? Value(ends[1], bounds) : pieces.Length == 2 ? bounds.Max : start;
            }
            for (var i = start; i <= end; i += step)
            {
                bits |= 1UL << i;
            }
            bits |= extra;
        }
        return bits;
    }

    private static int Value(string text, (int Min, int Max, string[]? Names) bounds) =>
        bounds.Names is { } names && Array.IndexOf(names, text.ToLowerInvariant()) is var i and >= 0
            ? i + bounds.Min
            : int.Parse(text, CultureInfo.InvariantCulture);

    private static TimeSpan GoDuration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match m in DurationPart().Matches(text))
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.Zero,
            };
        }
        return total;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex DurationPart();
}
