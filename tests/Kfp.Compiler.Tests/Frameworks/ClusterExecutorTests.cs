using Kfp.Compiler.IO;
using Kfp.Compiler.Tests.Caching;

namespace Kfp.Compiler.Tests.Frameworks;

/// <summary>The cluster seam: what the provider's Kubernetes Job implementation is handed, and what it must hand back.</summary>
public sealed class ClusterExecutorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_ImageAndCluster_RunsOnClusterWithContainerPathsAndFiles()
    {
        var package = Path.Combine(_folder.Path, "train");
        Directory.CreateDirectory(Path.Combine(package, "steps"));
        File.WriteAllText(Path.Combine(package, "main.py"), "from steps import prep\n");
        File.WriteAllText(Path.Combine(package, "steps", "prep.py"), "X = 1\n");
        var cluster = new RecordingCluster(TestFiles.Read("ir/samples/hello_world.yaml"));
        var runner = new CountingRunner("");
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System,
            new PipelineCompilerOptions { Cluster = cluster, Trust = FrameworkTrust.None }, new FakeHost());
        var framework = new FrameworkDefinition("tfx", ["python", "-m", "compile", "{sourceDir}", "{entryPoint}", "{source}", "{output}", "{parameters}"])
        {
            Image = "gcr.io/tfx-oss-public/tfx:1.15.0",
            TimeoutSeconds = 90,
        };

        var result = await compiler.CompileAsync(
            new CompileRequest("train") { BaseDirectory = _folder.Path, EntryPoint = "main.py", ExternalFramework = framework }, CancellationToken.None);
        var local = await new PipelineCompiler().CompileAsync(new CompileRequest("hello.yaml") { BaseDirectory = _folder.Copy("ir/samples/hello_world.yaml", "hello.yaml")[..^"/hello.yaml".Length] }, CancellationToken.None);

        var job = Assert.Single(cluster.Jobs);
        Assert.Equal(["python", "-m", "compile", "/kfp/source", "main.py", "/kfp/source/main.py", "/kfp/output/pipeline.yaml", "{}"], job.Argv.ToArray());
        Assert.Equal(["main.py", "steps/prep.py"], job.Files.Select(f => f.RelativePath));
        Assert.Equal(TimeSpan.FromSeconds(90), job.Timeout);
        Assert.Equal(0, runner.Calls);
        Assert.Equal(local.SpecHash, result.SpecHash);
    }

    [Fact]
    public async Task CompileAsync_ClusterTimesOut_SaysSo()
    {
        var compiler = new PipelineCompiler(new PipelineCompilerOptions { Cluster = new RecordingCluster(null) });
        _folder.Write("pipeline.py", "# p\n");
        var framework = new FrameworkDefinition("tfx", ["compile"]) { Image = "tfx", Executor = FrameworkExecutors.Cluster, TimeoutSeconds = 7 };

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => compiler.CompileAsync(
            new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path, ExternalFramework = framework }, CancellationToken.None));

        Assert.Contains("did not finish within 7 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_ClusterExecutorWithoutCluster_SaysWhatIsMissing()
    {
        _folder.Write("pipeline.py", "# p\n");
        var framework = new FrameworkDefinition("tfx", ["compile"]) { Image = "tfx", Executor = FrameworkExecutors.Cluster };

        var error = await Assert.ThrowsAsync<PipelineCompileException>(() => new PipelineCompiler().CompileAsync(
            new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path, ExternalFramework = framework }, CancellationToken.None));

        Assert.Equal("framework.executor", Assert.Single(error.Problems).Path);
    }

    private sealed class RecordingCluster(string? ir) : IClusterCompiler
    {
        public List<ClusterCompileJob> Jobs { get; } = [];

        public Task<string> CompileAsync(ClusterCompileJob job, CancellationToken cancellationToken)
        {
            Jobs.Add(job);
            return ir is null ? throw new TimeoutException() : Task.FromResult(ir);
        }
    }
}
