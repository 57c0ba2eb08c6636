using BenchmarkDotNet.Attributes;
using Kfp.Compiler;

namespace Kfp.Benchmarks;

/// <summary>What Check costs for a Pipeline: loading, validating, normalising and hashing compiled IR.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _folder = "";
    private PipelineCompiler _cached = null!;
    private string _text = "";

    [Params("hello_world.yaml", "pipeline_with_metrics_outputs.yaml", "flip_coin.yaml")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(AppContext.BaseDirectory, "samples");
        _text = File.ReadAllText(Path.Combine(_folder, Sample));
        _cached = new PipelineCompiler();
        _cached.CompileAsync(new CompileRequest(Sample) { BaseDirectory = _folder, Framework = "ir" }, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A source seen before (the cache keyed by content): every Check after the first.</summary>
    [Benchmark]
    public Task<CompiledPipeline> CompileCached() =>
        _cached.CompileAsync(new CompileRequest(Sample) { BaseDirectory = _folder, Framework = "ir" }, CancellationToken.None);

    /// <summary>A new source: load, validate, normalise, hash and render YAML.</summary>
    [Benchmark]
    public Task<CompiledPipeline> CompileCold() =>
        new PipelineCompiler().CompileAsync(new CompileRequest(Sample) { BaseDirectory = _folder, Framework = "ir" }, CancellationToken.None);

    [Benchmark]
    public string LoadAndHash() => SpecHasher.ComputeHash(IrLoader.Load(_text, Sample));
}
