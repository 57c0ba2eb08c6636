using System.Globalization;

namespace Kfp.Emulator;

/// <summary>Reads <c>--task-duration</c>: <c>200ms</c>, <c>1s</c>, <c>1.5s</c>, <c>2m</c>, a plain number of seconds, or <c>off</c> (null).</summary>
public static class DurationArgument
{
    public static bool TryParse(string text, out TimeSpan? duration)
    {
        duration = null;
        if (text is "off" or "none")
        {
            return true;
        }
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
