using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// Resolves plain (unquoted) YAML scalars exactly as PyYAML's SafeLoader does (the KFP SDK's YAML library;
/// YAML 1.1: null, booleans including yes/no/on/off, binary/octal/hex/sexagesimal integers, floats that
/// need a dot); everything else stays a string, so <c>2.1.0</c> and <c>1e5</c> are strings. Dates stay
/// strings (PyYAML makes them dates, which have no JSON form). Quoted scalars are always strings.
/// </summary>
internal static partial class YamlScalarResolver
{
    private static readonly HashSet<string> Nulls = ["~", "null", "Null", "NULL"];
    private static readonly HashSet<string> Trues = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly HashSet<string> Falses = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"];

    /// <summary>Words some YAML reader (YAML 1.1 in Go or Python, or 1.2) reads as non-strings.</summary>
    private static readonly HashSet<string> AmbiguousWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static JsonNode? ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // Every null and boolean word starts with one of these letters: most scalars skip the word lookups.
        if (text[0] is '~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'y' or 'Y' or 'o' or 'O')
        {
            if (Nulls.Contains(text))
            {
                return null;
            }

            if (Trues.Contains(text))
            {
                return JsonValue.Create(true);
            }

            if (Falses.Contains(text))
            {
                return JsonValue.Create(false);
            }
        }

        // Every YAML 1.1 number starts with a digit, a sign or a dot: most scalars (names, commands) skip the patterns.
        if (!MayBeNumber(text))
        {
            return JsonValue.Create(text);
        }

        if (IntegerPattern().IsMatch(text))
        {
            return ToInteger(text);
        }

        if (FloatPattern().IsMatch(text))
        {
            return ToFloat(text);
        }

        return JsonValue.Create(text);
    }

    /// <summary>True when the plain scalar <paramref name="text"/> resolves to itself, a string, without a lookup or pattern.</summary>
    public static bool IsPlainString(string text) =>
        text.Length > 0
        && text[0] is not ('~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'y' or 'Y' or 'o' or 'O')
        && !MayBeNumber(text);

    private static bool MayBeNumber(string text) => text[0] is (>= '0' and <= '9') or '-' or '+' or '.';

    /// <summary>A scalar tagged <c>!!int</c>; null when PyYAML could not read it as one either.</summary>
    public static JsonNode? ResolveTaggedInteger(string text) => IntegerPattern().IsMatch(text) ? ToInteger(text) : null;

    /// <summary>A scalar tagged <c>!!float</c>; null when it is not a number.</summary>
    public static JsonNode? ResolveTaggedFloat(string text) =>
        FloatPattern().IsMatch(text) ? ToFloat(text)
        : IntegerPattern().IsMatch(text) ? JsonValue.Create((double)ToWhole(text))
        : null;

    /// <summary>A scalar tagged <c>!!bool</c>; null when it is not one of YAML 1.1's boolean words.</summary>
    public static JsonNode? ResolveTaggedBoolean(string text) =>
        Trues.Contains(text) || Trues.Contains(text.ToLowerInvariant()) ? JsonValue.Create(true)
        : Falses.Contains(text) || Falses.Contains(text.ToLowerInvariant()) ? JsonValue.Create(false)
        : null;

    private static JsonNode ToInteger(string text)
    {
        var whole = ToWhole(text);
        return whole >= long.MinValue && whole <= long.MaxValue
            ? JsonValue.Create((long)whole)
            : JsonValue.Create((double)whole);
    }

    /// <summary>PyYAML's <c>construct_yaml_int</c>: binary, octal (leading 0), hex, sexagesimal, decimal.</summary>
    private static BigInteger ToWhole(string text)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = BigInteger.One;
        if (value[0] is '-' or '+')
        {
            sign = value[0] == '-' ? BigInteger.MinusOne : BigInteger.One;
            value = value[1..];
        }

        if (value == "0")
        {
            return BigInteger.Zero;
        }

        if (value.StartsWith("0b", StringComparison.Ordinal))
        {
            return sign * InBase(value[2..], 2);
        }

        if (value.StartsWith("0x", StringComparison.Ordinal))
        {
            return sign * InBase(value[2..], 16);
        }

        if (value[0] == '0')
        {
            return sign * InBase(value, 8);
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            var total = BigInteger.Zero;
            foreach (var digit in value.Split(':'))
            {
                total = (total * 60) + BigInteger.Parse(digit, CultureInfo.InvariantCulture);
            }

            return sign * total;
        }

        return sign * BigInteger.Parse(value, CultureInfo.InvariantCulture);
    }

    private static BigInteger InBase(string digits, int radix)
    {
        var total = BigInteger.Zero;
        foreach (var c in digits)
        {
            total = (total * radix) + System.Convert.ToInt32(c.ToString(), 16);
        }

        return total;
    }

    /// <summary>PyYAML's <c>construct_yaml_float</c>; infinity and NaN have no JSON form and are refused by the caller.</summary>
    private static JsonNode ToFloat(string text)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var sign = 1.0;
        if (value[0] is '-' or '+')
        {
            sign = value[0] == '-' ? -1.0 : 1.0;
            value = value[1..];
        }

        if (value == ".inf")
        {
            return JsonValue.Create(sign * double.PositiveInfinity);
        }

        if (value == ".nan")
        {
            return JsonValue.Create(double.NaN);
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            var total = 0.0;
            foreach (var digit in value.Split(':'))
            {
                total = (total * 60) + double.Parse(digit, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            return JsonValue.Create(sign * total);
        }

        return JsonValue.Create(sign * double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// True when <paramref name="text"/> may be written as a plain YAML scalar and still be read
    /// back as a string by every common YAML reader (Go yaml.v2/v3, PyYAML, YamlDotNet).
    /// </summary>
    public static bool IsSafePlainString(string text) =>
        text.Length > 0
        && !AmbiguousWords.Contains(text)
        && SafePlainPattern().IsMatch(text)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.EndsWith(' ');

    /// <summary>PyYAML's YAML 1.1 int: binary, octal, decimal, hex, sexagesimal.</summary>
    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    /// <summary>PyYAML's YAML 1.1 float: needs a dot (<c>1e5</c> is a string), an exponent needs a sign.</summary>
    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[A-Za-z/][A-Za-z0-9 _./:=,+@()-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlainPattern();
}
