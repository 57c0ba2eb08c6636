using System.Collections.Immutable;

namespace Kfp.Compiler;

/// <summary>Compiles pipeline sources to KFP IR, validated, normalised and hashed.</summary>
public interface IPipelineCompiler
{
    /// <summary>
    /// Compiles one source. Results are cached by the content of the source, the framework and its
    /// parameters; identical requests in flight share one compile.
    /// </summary>
    /// <exception cref="PipelineCompileException">The source is missing or does not compile to valid IR.</exception>
    Task<CompiledPipeline> CompileAsync(CompileRequest request, CancellationToken cancellationToken);

    /// <summary>Compiles several sources concurrently; results are in request order.</summary>
    Task<ImmutableArray<CompiledPipeline>> CompileAllAsync(IEnumerable<CompileRequest> requests, CancellationToken cancellationToken);
}
