using System.Collections.Immutable;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler.Frameworks;

/// <summary>One run of an external framework: what it compiles and with which parameters and environment.</summary>
internal sealed record FrameworkRun(
    FrameworkDefinition Framework,
    string DisplaySource,
    SourceSnapshot Source,
    string WorkingDirectory,
    string ParametersJson,
    ImmutableSortedDictionary<string, string> Env,
    string? ApprovedDigest)
{
    /// <summary>The framework's environment overlaid with the request's.</summary>
    public ImmutableSortedDictionary<string, string> MergedEnv => Framework.Env.SetItems(Env);

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, Framework.TimeoutSeconds));

    public PipelineCompileException Fail(string path, string message) =>
        new(DisplaySource, Framework.Name, [new CompileProblem(path, message)]);

    public PipelineCompileException TimedOut(string what) =>
        Fail("framework.timeoutSeconds", $"the compiler did not finish within {Framework.TimeoutSeconds} s and was stopped ({what}); raise timeoutSeconds or make the compile faster.");

    /// <summary>The command with its placeholders filled for a compiler that sees the source at <paramref name="sourceDir"/>.</summary>
    public ImmutableArray<string> Argv(string sourceDir, string output)
    {
        var entry = Source.EntryRelative;
        var source = sourceDir.EndsWith('/') ? sourceDir + entry : $"{sourceDir}/{entry}";
        if (sourceDir == Source.Root)
        {
            source = Source.EntryPath;
        }

        return [.. Framework.Command.Select(a => a
            .Replace("{sourceDir}", sourceDir, StringComparison.Ordinal)
            .Replace("{source}", source, StringComparison.Ordinal)
            .Replace("{entryPoint}", entry, StringComparison.Ordinal)
            .Replace("{output}", output, StringComparison.Ordinal)
            .Replace("{parameters}", ParametersJson, StringComparison.Ordinal))];
    }
}
