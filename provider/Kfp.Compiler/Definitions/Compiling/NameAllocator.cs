using System.Text.RegularExpressions;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>KFP's naming helpers: Kubernetes-safe names, and <c>-2</c>, <c>-3</c> suffixes for repeats.</summary>
internal static partial class NameAllocator
{
    public static string MakeUnique(string name, ICollection<string> taken)
    {
        if (!taken.Contains(name))
        {
            return name;
        }

        var index = 2;
        while (taken.Contains($"{name}-{index}"))
        {
            index++;
        }

        return $"{name}-{index}";
    }

    /// <summary>Lowercase, runs of characters other than a-z, 0-9 and '-' become one '-', no leading or trailing '-'.</summary>
    public static string Sanitize(string name)
    {
        var lowered = Invalid().Replace(name.ToLowerInvariant(), "-");
        return Dashes().Replace(lowered, "-").Trim('-');
    }

    [GeneratedRegex("[^-0-9a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Invalid();

    [GeneratedRegex("-+", RegexOptions.CultureInvariant)]
    private static partial Regex Dashes();
}
