using Kfp.Compiler.IO;

namespace Kfp.Compiler.Tests.Compilation;

public sealed class CompileCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_ConcurrentIdenticalRequests_RunCompilerOnce()
    {
        var runner = new GatedRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System);
        _folder.Write("pipeline.py", "# pipeline source\n");
        var request = new CompileRequest("pipeline.py")
        {
            BaseDirectory = _folder.Path,
            ExternalFramework = new FrameworkDefinition("kfp-sdk", ["compile", "{source}", "{output}"]),
        };

        var first = compiler.CompileAsync(request, CancellationToken.None);
        var second = compiler.CompileAsync(request, CancellationToken.None);
        await runner.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        runner.Release.SetResult();
        var results = await Task.WhenAll(first, second);
        var third = await compiler.CompileAsync(request, CancellationToken.None);

        Assert.Equal(1, runner.Calls);
        Assert.Equal(results[0].SpecHash, results[1].SpecHash);
        Assert.Equal(results[0].SpecHash, third.SpecHash);
    }

    [Fact]
    public async Task CompileAsync_SiblingModuleChanged_RunsCompilerAgain()
    {
        var runner = new GatedRunner(TestFiles.Read("ir/samples/hello_world.yaml"));
        runner.Release.SetResult();
        var compiler = new PipelineCompiler(new PhysicalFileSystem(), runner, TimeProvider.System);
        _folder.Write("pipeline.py", "import helpers\n");
        _folder.Write("helpers.py", "X = 1\n");
        var request = new CompileRequest("pipeline.py")
        {
            BaseDirectory = _folder.Path,
            ExternalFramework = new FrameworkDefinition("kfp-sdk", ["compile", "{source}", "{output}"]),
        };

        await compiler.CompileAsync(request, CancellationToken.None);
        _folder.Write("helpers.py", "X = 2\n");
        await compiler.CompileAsync(request, CancellationToken.None);

        Assert.Equal(2, runner.Calls);
    }

    /// <summary>Writes fixed IR to the {output} argument once released, counting runs.</summary>
    private sealed class GatedRunner(string ir) : IProcessRunner
    {
        private int _calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            await File.WriteAllTextAsync(spec.Arguments[1], ir, cancellationToken);
            return new ProcessResult(0, string.Empty, string.Empty);
        }
    }
}
