using System.Runtime;
using BenchmarkDotNet.Running;

// `make bench`: speed and memory of the provider's hot paths (compile and hash, property values, diff).
// The plugin's GC: its runtime settings come from BENCH_GC in the Makefile (inherited by BenchmarkDotNet's processes);
// its latency mode is set in code, as the plugin's entry point does.
GCSettings.LatencyMode = GCLatencyMode.Batch;
BenchmarkSwitcher.FromAssembly(typeof(Kfp.Benchmarks.CompileBenchmarks).Assembly).Run(args);
