using System.Text.RegularExpressions;

namespace Kfp.Provider.Engine;

/// <summary>
/// Property paths in Pulumi's canonical form (<c>PropertyPath.String</c>): <c>.</c> joins simple keys, <c>[n]</c>
/// indexes, and a key with any character outside <c>[A-Za-z0-9_]</c> is quoted as <c>["key"]</c> (<c>\"</c> escaped).
/// </summary>
internal static partial class PropertyPaths
{
    public static string Key(string path, string key) =>
        SimpleKey().IsMatch(key) ? $"{path}.{key}" : $"{path}[\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";

    public static string Index(string path, int index) => $"{path}[{index}]";

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex SimpleKey();
}
