using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// Input rules the resources share beyond the generic ones (<see cref="Rules"/>): container image references,
/// environment variable names, and lists that name something twice. Each message names the value and says what to do.
/// </summary>
internal static class InputRules
{
    /// <summary>A container image reference as registries parse it (<see cref="ImageReference"/>), with the fix.</summary>
    public static Rule<string> ImageReference { get; } = v =>
    {
        if (v.Length == 0)
        {
            return null; // NotEmpty says so.
        }
        try
        {
            var digest = Kfp.Registry.ImageReference.Parse(v).Digest;
            return digest is not null && digest.StartsWith("sha256:", StringComparison.Ordinal) && !IsSha256Hex(digest["sha256:".Length..])
                ? $"'{Rules.Quote(v)}' has a sha256 digest of {digest.Length - "sha256:".Length} characters; a sha256 digest is 64 lowercase hex digits: copy the whole digest"
                : null;
        }
        catch (FormatException e)
        {
            return $"{e.Message}; use [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/team/compiler:1.0";
        }
    };

    /// <summary>
    /// Environment variable names that cannot be passed to a process (empty, containing '=' or a control character) and
    /// values holding NUL (a process environment cannot carry it). Failures go on <paramref name="property"/>.
    /// </summary>
    public static void CheckEnvironment(ImmutableSortedDictionary<string, string>? env, string property, Binder binder)
    {
        foreach (var (name, value) in env ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsControl))
            {
                binder.Fail(property, $"'{Rules.Quote(name)}' is not an environment variable name: it must be non-empty, without '=' or control characters, e.g. PIP_INDEX_URL");
            }
            else if (value.Contains('\0', StringComparison.Ordinal))
            {
                binder.Fail($"{property}.{name}", "contains the control character U+0000; an environment variable cannot hold NUL: remove it");
            }
        }
    }

    /// <summary>Fails on the second occurrence of each item of <paramref name="items"/>, at its index.</summary>
    public static void CheckUnique(ImmutableArray<string>? items, string property, Binder binder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            if (!seen.Add(items!.Value[i]))
            {
                binder.Fail($"{property}[{i}]", $"'{Rules.Quote(items.Value[i])}' is listed twice; give each once");
            }
        }
    }

    private static bool IsSha256Hex(string hex) => hex.Length == 64 && hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
