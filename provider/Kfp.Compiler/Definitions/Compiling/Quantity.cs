using System.Globalization;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Kubernetes quantities as the KFP SDK converts them for the deprecated numeric resource fields:
/// CPU in cores (<c>500m</c> → 0.5), memory in gigabytes (<c>4Gi</c> → 4.294967296).
/// </summary>
internal static partial class Quantity
{
    private static readonly Dictionary<string, double> MemoryUnits = new(StringComparer.Ordinal)
    {
        [""] = 1, ["K"] = 1e3, ["M"] = 1e6, ["G"] = 1e9, ["T"] = 1e12, ["P"] = 1e15, ["E"] = 1e18,
        ["Ki"] = 1024d, ["Mi"] = Math.Pow(1024, 2), ["Gi"] = Math.Pow(1024, 3), ["Ti"] = Math.Pow(1024, 4),
        ["Pi"] = Math.Pow(1024, 5), ["Ei"] = Math.Pow(1024, 6),
    };

    public static double? Cpu(string text)
    {
        var match = CpuPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["m"].Success ? number / 1000 : number;
    }

    public static double? MemoryGigabytes(string text)
    {
        var match = MemoryPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return number * MemoryUnits[match.Groups["u"].Value] / 1e9;
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<m>m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CpuPattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<u>|K|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)$", RegexOptions.CultureInvariant)]
    private static partial Regex MemoryPattern();
}
