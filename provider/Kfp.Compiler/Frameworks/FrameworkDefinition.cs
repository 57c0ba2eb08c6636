using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// An external pipeline compiler (the kfp-operator "framework" model), run as an argv list without a shell.
/// <see cref="Command"/> elements may contain <c>{source}</c> (the entry file), <c>{sourceDir}</c> (the source directory:
/// a directory source itself, or a file source's directory), <c>{entryPoint}</c> (the entry file relative to <c>{sourceDir}</c>),
/// <c>{output}</c> (the file the compiler must write IR YAML or JSON to) and <c>{parameters}</c> (the framework parameters as
/// one JSON object string: <see cref="DefaultParameters"/> overlaid with the request's). Paths are those the compiler sees:
/// on this machine for <c>local</c>, inside the container (<c>/kfp/source</c>, <c>/kfp/output</c>) for <c>container</c> and <c>cluster</c>.
/// </summary>
/// <param name="Name">Framework name, shown in errors and part of the cache key.</param>
/// <param name="Command">Program and arguments, e.g. <c>["python3", "-m", "compile", "{source}", "{output}"]</c>.</param>
public sealed record FrameworkDefinition(string Name, ImmutableArray<string> Command)
{
    /// <summary>Environment variables set for the compiler (on top of this process's environment for <c>local</c>).</summary>
    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Working directory for <c>local</c>; relative paths are resolved from the request's base directory. Default: the source directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The compiler is killed (with its child processes, or its container) after this many seconds.</summary>
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Parameters passed in <c>{parameters}</c> unless the request overrides them. Nodes are never changed.</summary>
    public ImmutableSortedDictionary<string, JsonNode?> DefaultParameters { get; init; } = ImmutableSortedDictionary<string, JsonNode?>.Empty;

    /// <summary>The compiler image, for the <c>container</c> and <c>cluster</c> executors.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// Where the compile runs (<see cref="FrameworkExecutors"/>): <c>local</c>, <c>container</c> or <c>cluster</c>. Null: <c>local</c>
    /// without an image; with an image, <c>cluster</c> when the compiler has a cluster, else <c>container</c>.
    /// </summary>
    public string? Executor { get; init; }

    /// <summary>The container's network (<c>docker run --network</c>); null means <c>none</c>: a compile needs no network unless the framework says so.</summary>
    public string? Network { get; init; }
}
