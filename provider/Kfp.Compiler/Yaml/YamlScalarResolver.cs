using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// Resolves plain (unquoted) YAML scalars the way the KFP SDK's YAML reader does (YAML 1.1 core:
/// null, booleans including yes/no/on/off, integers, floats); everything else stays a string,
/// so <c>2.1.0</c> is the string "2.1.0". Quoted scalars are always strings.
/// </summary>
internal static partial class YamlScalarResolver
{
    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> Trues = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly HashSet<string> Falses = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"];

    /// <summary>Words some YAML reader (YAML 1.1 in Go or Python, or 1.2) reads as non-strings.</summary>
    private static readonly HashSet<string> AmbiguousWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static JsonNode? ResolvePlain(string text)
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

        if (IntegerPattern().IsMatch(text))
        {
            var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
            if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            return JsonValue.Create(decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (HexPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text))
        {
            var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
            return JsonValue.Create(double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
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

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[A-Za-z/][A-Za-z0-9 _./:=,+@()-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlainPattern();
}
