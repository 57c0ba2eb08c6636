using BenchmarkDotNet.Running;

// `make bench`: speed and memory of the provider's hot paths (compile and hash, property values, diff).
BenchmarkSwitcher.FromAssembly(typeof(Kfp.Benchmarks.CompileBenchmarks).Assembly).Run(args);
