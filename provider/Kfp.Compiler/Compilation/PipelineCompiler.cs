using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kfp.Compiler.Caching;
using Kfp.Compiler.Compilation;
using Kfp.Compiler.Frameworks;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.IO;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler;

/// <summary>
/// Compiles pipeline sources (files, or directories with an entry point) with the built-in frameworks (<c>ir</c>,
/// <c>definition</c>) or an external one (<c>local</c>, <c>container</c> or <c>cluster</c> executor), validates and
/// normalises the IR, injects image pull secrets and computes the spec hash. Results are cached by the hash of everything
/// a compile reads: in memory (concurrent identical requests share one compile) and, when enabled, on disk for other
/// processes. A cached compile reads the source files and nothing more: a file whose bytes are those read last time keeps
/// the hash computed then (<see cref="SourceContents"/>). A shared compile is cancelled (a cluster
/// Job deleted, a process killed) only when every caller waiting for it has been cancelled. Thread-safe.
/// </summary>
public sealed class PipelineCompiler : IPipelineCompiler
{
    private readonly ConcurrentDictionary<string, SharedCompile> _cache = new(StringComparer.Ordinal);
    private readonly IFileSystem _files;
    private readonly SourceContents _contents;
    private readonly ExternalFrameworkRunner _external;
    private readonly DiskCompileCache? _disk;

    /// <summary>A compiler using the real file system, processes and clock, caching in memory only, trusting every framework.</summary>
    public PipelineCompiler()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A compiler whose framework timeouts follow <paramref name="timeProvider"/>.</summary>
    public PipelineCompiler(TimeProvider timeProvider)
        : this(new PhysicalFileSystem(), new SystemProcessRunner(), timeProvider)
    {
    }

    /// <summary>A compiler with the given cache, trust and executors.</summary>
    public PipelineCompiler(PipelineCompilerOptions options, TimeProvider? timeProvider = null)
        : this(new PhysicalFileSystem(), new SystemProcessRunner(), timeProvider ?? TimeProvider.System, options)
    {
    }

    internal PipelineCompiler(IFileSystem files, IProcessRunner runner, TimeProvider timeProvider, PipelineCompilerOptions? options = null, IHostEnvironment? host = null)
    {
        options ??= new PipelineCompilerOptions();
        host ??= new SystemHostEnvironment();
        _files = files;
        _contents = new SourceContents(files);
        _external = new ExternalFrameworkRunner(runner, files, timeProvider, host, options);
        if (options.DiskCache && CacheLocation.Resolve(options.CacheDirectory, host) is { } directory)
        {
            _disk = new DiskCompileCache(directory, options.CacheMaxBytes, timeProvider);
        }
    }

    /// <summary>The disk cache's directory, or null when results are cached in memory only.</summary>
    public string? CacheDirectory => _disk?.Directory;

    /// <inheritdoc />
    public async Task<CompiledPipeline> CompileAsync(CompileRequest request, CancellationToken cancellationToken)
    {
        if (request.ImagePullSecrets.IsDefault)
        {
            request = request with { ImagePullSecrets = [] };
        }

        var baseDirectory = Path.GetFullPath(request.BaseDirectory ?? Directory.GetCurrentDirectory());
        var sourcePath = Path.GetFullPath(request.Source, baseDirectory);
        var source = SourceReader.Read(_files, _contents, request, sourcePath, request.ExternalFramework is not null, cancellationToken);
        var key = CompileCacheKey.Compute(source, request);
        while (true)
        {
            var entry = _cache.GetOrAdd(key, _ => new SharedCompile(ct => LoadOrCompileAsync(key, request, baseDirectory, source, ct)));
            try
            {
                if (await entry.WaitAsync(cancellationToken) is { } artifact)
                {
                    return new CompiledPipeline(artifact);
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _cache.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
            finally
            {
                if (entry.Abandoned)
                {
                    _cache.TryRemove(KeyValuePair.Create(key, entry));
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<CompiledPipeline>> CompileAllAsync(IEnumerable<CompileRequest> requests, CancellationToken cancellationToken) =>
        [.. await Task.WhenAll(requests.Select(r => CompileAsync(r, cancellationToken)))];

    private async Task<CompileArtifact> LoadOrCompileAsync(string key, CompileRequest request, string baseDirectory, SourceSnapshot source, CancellationToken cancellationToken)
    {
        if (_disk?.TryRead(key) is { } cached)
        {
            return cached;
        }

        var artifact = await CompileUncachedAsync(request, baseDirectory, source, cancellationToken);
        _disk?.Write(key, artifact);
        return artifact;
    }

    private async Task<CompileArtifact> CompileUncachedAsync(CompileRequest request, string baseDirectory, SourceSnapshot source, CancellationToken cancellationToken)
    {
        string framework;
        IrDocument document;
        if (request.ExternalFramework is { } external)
        {
            framework = external.Name;
            var text = await _external.RunAsync(ExternalRun(request, baseDirectory, source, external), cancellationToken);
            document = IrLoader.Load(text, request.Source, external.Name);
        }
        else
        {
            (framework, document) = BuiltInDetection.Load(request, source.EntryPath, SourceText.FromUtf8(source.EntryContent));
        }

        IrValidator.EnsureValid(document, request.Source, framework);
        PullSecretNames.EnsureValid(request, framework);
        document = ImagePullSecretInjector.Inject(document, request.ImagePullSecrets);
        // Hash (and upload) the spec as a KFP server stores it, so a version read back hashes the same.
        document = ProtoDefaults.StripOwned(document);
        var volatileKeys = SpecNormalizer.NormalizeInPlace(document);
        return CompileArtifact.FromDocument(source.EntryPath, framework, document, volatileKeys, source.EntryContent.Length);
    }

    private static FrameworkRun ExternalRun(CompileRequest request, string baseDirectory, SourceSnapshot source, FrameworkDefinition framework)
    {
        var workingDirectory = framework.WorkingDirectory is { } directory ? Path.GetFullPath(directory, baseDirectory) : source.Root;
        return new FrameworkRun(framework, request.Source, source, workingDirectory,
            ExternalFrameworkRunner.ParametersJson(framework, request.FrameworkParameters), request.Env, request.ApprovedFrameworkDigest);
    }
}
