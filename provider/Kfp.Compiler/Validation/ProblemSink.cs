using System.Collections.Immutable;

namespace Kfp.Compiler.Validation;

/// <summary>Collects problems in the order they are found.</summary>
internal sealed class ProblemSink
{
    private readonly ImmutableArray<CompileProblem>.Builder _problems = ImmutableArray.CreateBuilder<CompileProblem>();

    public int Count => _problems.Count;

    public void Add(string path, string message) => _problems.Add(new CompileProblem(path, message));

    public ImmutableArray<CompileProblem> ToImmutable() => _problems.ToImmutable();
}
