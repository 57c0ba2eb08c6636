using System.Text.RegularExpressions;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Checks a container image reference with the grammar of the container registries' reference format
/// (<c>[host[:port]/]name[:tag][@digest]</c>, lowercase path components), so a typo fails at preview
/// instead of as an ImagePullBackOff in the cluster. Images holding a KFP placeholder (<c>{{…}}</c>) are not checked.
/// </summary>
internal static partial class ImageReference
{
    public static string? Problem(string image)
    {
        if (image.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        if (image.Length > 4096)
        {
            return "the image reference is longer than 4096 characters.";
        }

        return Pattern().IsMatch(image)
            ? null
            : $"'{Yaml.Excerpt.Clip(image)}' is not a valid image reference; write [registry/]path[:tag][@sha256:digest] with a lowercase path, e.g. python:3.11 or ghcr.io/team/app:1.0.";
    }

    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?/)?"
        + @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        + @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
        + @"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
