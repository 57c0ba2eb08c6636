using BenchmarkDotNet.Attributes;
using Kfp.Compiler;

namespace Kfp.Benchmarks;

/// <summary>
/// A 1 MB spec as YAML and as JSON: the cold compile (load, validate, normalise, hash), with framework detection on
/// (framework from the file) and off (framework "ir"), the parse alone, and the cached Check every later call makes; plus a
/// cached Check of a directory source (an entry file and a package of modules).
/// </summary>
[MemoryDiagnoser]
public class LargeSpecBenchmarks
{
    private string _folder = "";
    private string _text = "";
    private PipelineCompiler _cached = null!;

    [Params("yaml", "json")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("kfp-bench-").FullName;
        var document = LargeSpec.Generate();
        File.WriteAllText(Path.Combine(_folder, "large.yaml"), IrYamlWriter.Write(document));
        File.WriteAllText(Path.Combine(_folder, "large.json"), document.PipelineSpec.ToJsonString());
        var package = Path.Combine(_folder, "package");
        Directory.CreateDirectory(Path.Combine(package, "steps"));
        File.WriteAllText(Path.Combine(package, "pipeline.yaml"), IrYamlWriter.Write(document));
        for (var i = 0; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(package, "steps", $"step_{i}.py"), string.Concat(Enumerable.Repeat($"def step_{i}():\n    return {i}\n", 40)));
        }

        _text = File.ReadAllText(Path.Combine(_folder, $"large.{Format}"));
        _cached = new PipelineCompiler();
        _ = CachedCheck().GetAwaiter().GetResult();
        _ = CachedCheckDirectory().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Load, validate, normalise and hash; the framework chosen from the file.</summary>
    [Benchmark]
    public async Task<string> ColdDetect() =>
        (await new PipelineCompiler().CompileAsync(Request(null), CancellationToken.None)).SpecHash;

    /// <summary>The same with the framework given (no detection).</summary>
    [Benchmark]
    public async Task<string> ColdNoDetect() =>
        (await new PipelineCompiler().CompileAsync(Request(BuiltInFrameworks.Ir), CancellationToken.None)).SpecHash;

    /// <summary>The parse alone: the file's text read into the PipelineSpec (YAML or JSON reader), nothing validated.</summary>
    [Benchmark]
    public IrDocument Load() => IrLoader.Load(_text, $"large.{Format}");

    /// <summary>Every Check after the first: read and hash the file, find the result, return its hash.</summary>
    [Benchmark]
    public async Task<string> CachedCheck() =>
        (await _cached.CompileAsync(Request(null), CancellationToken.None)).SpecHash;

    /// <summary>A cached Check of a directory source: every file of the package is read and hashed.</summary>
    [Benchmark]
    public async Task<string> CachedCheckDirectory() =>
        (await _cached.CompileAsync(new CompileRequest("package") { BaseDirectory = _folder }, CancellationToken.None)).SpecHash;

    private CompileRequest Request(string? framework) => new($"large.{Format}") { BaseDirectory = _folder, Framework = framework };
}
