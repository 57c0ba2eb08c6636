using BenchmarkDotNet.Attributes;
using Kfp.Compiler;
using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Resources;

namespace Kfp.Benchmarks;

/// <summary>
/// What an external framework costs: a cached Check of a directory source (read and hash every file, find the result),
/// and a cold compile on each executor with a tiny script compiler that copies the IR: <c>local</c> (a process),
/// <c>container</c> (the tests' stand-in <c>docker</c>, a bash script that checks its arguments and runs the command
/// locally) and <c>cluster</c> (a Job in an in-process emulator, whose pod runs the command as a local process; the
/// provider polls the Job from 200 ms).
/// </summary>
[MemoryDiagnoser]
public class ExecutorBenchmarks
{
    private const string Image = "registry.example/compilers/shell:1";
    private static readonly string[] CopyCommand = ["sh", "{sourceDir}/compile.sh", "{source}", "{output}"];

    private string _program = "";
    private string _docker = "";
    private PipelineCompiler _cached = null!;
    private EmulatorHost _emulator = null!;
    private ClusterCompiler _cluster = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _program = Directory.CreateTempSubdirectory("kfp-bench-executors-").FullName;
        var package = Path.Combine(_program, "train");
        Directory.CreateDirectory(Path.Combine(package, "steps"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "pipeline_with_metrics_outputs.yaml"), Path.Combine(package, "ir.yaml"));
        File.WriteAllText(Path.Combine(package, "compile.sh"), "cp \"$(dirname \"$1\")/ir.yaml\" \"$2\"\n");
        File.WriteAllText(Path.Combine(package, "pipeline.py"), "from steps import prep\n");
        for (var i = 0; i < 40; i++)
        {
            File.WriteAllText(Path.Combine(package, "steps", $"step{i}.py"), string.Concat(Enumerable.Repeat($"def step{i}(x):\n    return x + {i}\n", 40)));
        }
        _docker = Path.Combine(_program, "docker");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "frameworks", "docker"), _docker);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _cached = new PipelineCompiler(new PipelineCompilerOptions());
        await _cached.CompileAsync(Request(FrameworkExecutors.Local), CancellationToken.None);

        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ImageCommands = new Dictionary<string, string>(StringComparer.Ordinal) { [Image] = "/usr/bin/env" },
        });
        var kube = KfpProviderFactory.KubeClientFor(new ProviderConfig { Kubeconfig = _emulator.Endpoints.Kubeconfig });
        _cluster = new ClusterCompiler(() => kube, () => ProviderConfig.DefaultNamespace, new SilentLog(), TimeProvider.System);
    }

    private async Task CleanupAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_program, recursive: true);
    }

    /// <summary>Every Check after the first of a 42-file directory source: read and hash the files, find the result.</summary>
    [Benchmark(Baseline = true)]
    public Task<CompiledPipeline> CachedCheckDirectorySource() => _cached.CompileAsync(Request(FrameworkExecutors.Local), CancellationToken.None);

    [Benchmark]
    public Task<CompiledPipeline> ColdLocal() => Cold(FrameworkExecutors.Local);

    [Benchmark]
    public Task<CompiledPipeline> ColdContainer() => Cold(FrameworkExecutors.Container);

    [Benchmark]
    public Task<CompiledPipeline> ColdCluster() => Cold(FrameworkExecutors.Cluster);

    private Task<CompiledPipeline> Cold(string executor) =>
        new PipelineCompiler(new PipelineCompilerOptions { Cluster = _cluster, ContainerEngine = _docker }).CompileAsync(Request(executor), CancellationToken.None);

    private CompileRequest Request(string executor) => new("train")
    {
        BaseDirectory = _program,
        ExternalFramework = new FrameworkDefinition("copy-" + executor, [.. CopyCommand])
        {
            Executor = executor,
            Image = executor == FrameworkExecutors.Local ? null : Image,
        },
    };

    private sealed class SilentLog : IEngineLog
    {
        public Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct) => Task.CompletedTask;
    }
}
