namespace Kfp.Compiler;

/// <summary>
/// One problem found while loading, validating or compiling a pipeline.
/// <paramref name="Path"/> is a dotted path inside the spec or definition
/// (e.g. <c>root.dag.tasks.print-op.componentRef.name</c>); empty when the problem concerns the whole file.
/// <paramref name="Message"/> says what is wrong and how to fix it.
/// </summary>
public sealed record CompileProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
