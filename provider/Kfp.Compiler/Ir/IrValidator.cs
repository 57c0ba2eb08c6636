using System.Collections.Immutable;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler;

/// <summary>
/// Validates KFP IR the way the KFP API server does (schemaVersion 2.1.0, pipeline name, no unknown
/// top-level keys) and more: every referenced component, executor, input and producer task exists,
/// each DAG is acyclic and parameter types fit where they are known. Returns every problem found.
/// </summary>
public static class IrValidator
{
    /// <summary>All problems in <paramref name="document"/>; empty when it is valid.</summary>
    public static ImmutableArray<CompileProblem> Validate(IrDocument document)
    {
        var problems = new ProblemSink();
        TopLevelRules.Check(document.PipelineSpec, problems);
        var index = new SpecIndex(document.PipelineSpec);
        ComponentRules.Check(index, problems);
        ExecutorRules.Check(index, problems);
        PlatformRules.Check(index, document.PlatformSpec, problems);
        return problems.ToImmutable();
    }

    /// <summary>Throws <see cref="PipelineCompileException"/> naming <paramref name="sourceName"/> when <paramref name="document"/> is invalid.</summary>
    public static void EnsureValid(IrDocument document, string sourceName, string framework = BuiltInFrameworks.Ir)
    {
        var problems = Validate(document);
        if (!problems.IsEmpty)
        {
            throw new PipelineCompileException(sourceName, framework, problems);
        }
    }
}
