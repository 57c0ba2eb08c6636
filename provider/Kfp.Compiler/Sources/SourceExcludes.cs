namespace Kfp.Compiler.Sources;

/// <summary>
/// What a directory source leaves out (of the cache key and of what a container or cluster compile sees): version
/// control, Python byte code and tool caches, virtual environments. Fixed, so the same tree always hashes the same.
/// </summary>
public static class SourceExcludes
{
    /// <summary>Directory names never entered.</summary>
    public static readonly IReadOnlyList<string> Directories =
        [".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "node_modules", ".pulumi"];

    /// <summary>File name suffixes left out.</summary>
    public static readonly IReadOnlyList<string> FileSuffixes = [".pyc", ".pyo", ".swp", "~"];

    /// <summary>File names left out.</summary>
    public static readonly IReadOnlyList<string> FileNames = [".DS_Store"];

    internal static bool EntersDirectory(string name) => !Directories.Contains(name, StringComparer.Ordinal);

    internal static bool IncludesFile(string name) =>
        !FileNames.Contains(name, StringComparer.Ordinal) && !FileSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
}
