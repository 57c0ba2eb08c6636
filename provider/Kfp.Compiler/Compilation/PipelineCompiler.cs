using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Kfp.Compiler.Compilation;
using Kfp.Compiler.Frameworks;
using Kfp.Compiler.IO;

namespace Kfp.Compiler;

/// <summary>
/// Compiles pipeline sources with the built-in frameworks (<c>ir</c>, <c>definition</c>) or an external one,
/// validates and normalises the IR, injects image pull secrets and computes the spec hash. Results are
/// cached in memory by content; concurrent identical requests share one compile. Thread-safe.
/// </summary>
public sealed class PipelineCompiler : IPipelineCompiler
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CompiledPipeline>>> _cache = new(StringComparer.Ordinal);
    private readonly IFileSystem _files;
    private readonly ExternalFrameworkRunner _external;

    /// <summary>A compiler using the real file system, processes and clock.</summary>
    public PipelineCompiler()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A compiler whose framework timeouts follow <paramref name="timeProvider"/>.</summary>
    public PipelineCompiler(TimeProvider timeProvider)
        : this(new PhysicalFileSystem(), new SystemProcessRunner(), timeProvider)
    {
    }

    internal PipelineCompiler(IFileSystem files, IProcessRunner runner, TimeProvider timeProvider)
    {
        _files = files;
        _external = new ExternalFrameworkRunner(runner, files, timeProvider);
    }

    /// <inheritdoc />
    public async Task<CompiledPipeline> CompileAsync(CompileRequest request, CancellationToken cancellationToken)
    {
        if (request.ImagePullSecrets.IsDefault)
        {
            request = request with { ImagePullSecrets = [] };
        }

        var sourcePath = Path.GetFullPath(request.Source, Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory()));
        if (!_files.FileExists(sourcePath))
        {
            throw new PipelineCompileException(request.Source, request.ExternalFramework?.Name ?? request.Framework ?? "(none)",
                [new CompileProblem(string.Empty, $"the source file '{sourcePath}' does not exist; check the path (relative paths are resolved from '{request.BaseDirectory ?? "the current directory"}').")]);
        }

        var content = await _files.ReadAllBytesAsync(sourcePath, cancellationToken);
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var framework = FrameworkSelector.Choose(request, sourcePath, text);
        var key = await CompileCacheKey.ComputeAsync(_files, sourcePath, content, framework, request, cancellationToken);
        var entry = _cache.GetOrAdd(key, _ => new Lazy<Task<CompiledPipeline>>(
            () => Task.Run(() => CompileUncachedAsync(request, sourcePath, text, framework))));
        try
        {
            return (await entry.Value.WaitAsync(cancellationToken)).Copy();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _cache.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<CompiledPipeline>> CompileAllAsync(IEnumerable<CompileRequest> requests, CancellationToken cancellationToken) =>
        [.. await Task.WhenAll(requests.Select(r => CompileAsync(r, cancellationToken)))];

    private async Task<CompiledPipeline> CompileUncachedAsync(CompileRequest request, string sourcePath, string text, ChosenFramework framework)
    {
        var document = framework.External is { } external
            ? IrLoader.Load(await _external.RunAsync(ExternalRun(request, sourcePath, external), CancellationToken.None), request.Source, external.Name)
            : framework.Name == BuiltInFrameworks.Definition
                ? Definitions.DefinitionCompiler.Compile(text, request.Source)
                : IrLoader.Load(text, request.Source);
        IrValidator.EnsureValid(document, request.Source, framework.Name);
        PullSecretNames.EnsureValid(request, framework.Name);
        document = ImagePullSecretInjector.Inject(document, request.ImagePullSecrets);
        var normal = SpecHasher.Normalize(document);
        return new CompiledPipeline(sourcePath, framework.Name, document.PipelineName!, normal.PipelineSpec, normal.PlatformSpec,
            IrYamlWriter.Write(document), SpecHasher.ComputeHash(document));
    }

    private static FrameworkRun ExternalRun(CompileRequest request, string sourcePath, FrameworkDefinition framework)
    {
        var baseDirectory = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        var workingDirectory = framework.WorkingDirectory is { } directory
            ? Path.GetFullPath(directory, baseDirectory)
            : Path.GetDirectoryName(sourcePath)!;
        return new FrameworkRun(framework, request.Source, sourcePath, workingDirectory,
            ExternalFrameworkRunner.ParametersJson(framework, request.FrameworkParameters), request.Env);
    }
}
