using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// An external pipeline compiler (the kfp-operator "framework" model), run as an argv list without a shell.
/// <see cref="Command"/> elements may contain <c>{source}</c> (absolute path of the source file),
/// <c>{output}</c> (the file the compiler must write IR YAML or JSON to) and <c>{parameters}</c>
/// (the framework parameters as one JSON object string: <see cref="DefaultParameters"/> overlaid with the request's).
/// </summary>
/// <param name="Name">Framework name, shown in errors and part of the cache key.</param>
/// <param name="Command">Program and arguments, e.g. <c>["python3", "-m", "compile", "{source}", "{output}"]</c>.</param>
public sealed record FrameworkDefinition(string Name, ImmutableArray<string> Command)
{
    /// <summary>Environment variables set for the compiler (on top of this process's environment).</summary>
    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Working directory; relative paths are resolved from the request's base directory. Default: the source file's directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The compiler is killed (with its child processes) after this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Parameters passed in <c>{parameters}</c> unless the request overrides them. Nodes are never changed.</summary>
    public ImmutableSortedDictionary<string, JsonNode?> DefaultParameters { get; init; } = ImmutableSortedDictionary<string, JsonNode?>.Empty;
}
