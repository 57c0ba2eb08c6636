using System.Runtime.CompilerServices;

// The benchmarks measure the engine's hot paths (diff, property values) directly.
[assembly: InternalsVisibleTo("Kfp.Benchmarks")]
