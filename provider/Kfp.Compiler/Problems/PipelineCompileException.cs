using System.Collections.Immutable;
using System.Text;

namespace Kfp.Compiler;

/// <summary>
/// Thrown when a pipeline source cannot be compiled or its IR is invalid.
/// Names the source file, the framework and every problem found (not only the first).
/// </summary>
public sealed class PipelineCompileException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public PipelineCompileException(string sourceFile, string framework, IEnumerable<CompileProblem> problems)
        : this(sourceFile, framework, problems.ToImmutableArray())
    {
    }

    private PipelineCompileException(string sourceFile, string framework, ImmutableArray<CompileProblem> problems)
        : base(Format(sourceFile, framework, problems))
    {
        SourceFile = sourceFile;
        Framework = framework;
        Problems = problems;
    }

    /// <summary>The source file (as given in the request) that failed.</summary>
    public string SourceFile { get; }

    /// <summary>The framework used to compile the source.</summary>
    public string Framework { get; }

    /// <summary>Every problem found, in a deterministic order.</summary>
    public ImmutableArray<CompileProblem> Problems { get; }

    private static string Format(string sourceFile, string framework, ImmutableArray<CompileProblem> problems)
    {
        var text = new StringBuilder();
        text.Append($"Pipeline source '{sourceFile}' (framework '{framework}') failed with ")
            .Append(problems.Length == 1 ? "1 problem:" : $"{problems.Length} problems:");
        foreach (var problem in problems)
        {
            text.Append("\n  - ").Append(problem);
        }

        return text.ToString();
    }
}
