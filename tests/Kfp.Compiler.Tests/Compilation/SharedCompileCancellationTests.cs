using Kfp.Compiler.Tests.Caching;

namespace Kfp.Compiler.Tests.Compilation;

/// <summary>
/// Cancellation of a compile shared by several callers: the executor's token fires only when every waiter has gone, one
/// caller giving up does not stop the others' compile, and a new caller after an abandoned compile starts a fresh one.
/// </summary>
public sealed class SharedCompileCancellationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public SharedCompileCancellationTests() => _folder.Write("pipeline.py", "# p\n");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CompileAsync_OnlyWaiterCancelled_CancelsTheExecutorAndWaitsForItsCleanup()
    {
        var cluster = new BlockingCluster();
        var compiler = Compiler(cluster);
        using var cancel = new CancellationTokenSource();

        var compile = compiler.CompileAsync(Request(), cancel.Token);
        await cluster.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compile);
        Assert.True(cluster.SawCancel);
        Assert.True(cluster.CleanedUp, "the caller returned before the executor had cleaned up");
    }

    [Fact]
    public async Task CompileAsync_OneOfTwoWaitersCancelled_TheOtherGetsTheResult()
    {
        var cluster = new BlockingCluster();
        var compiler = Compiler(cluster);
        using var cancel = new CancellationTokenSource();

        // The staying caller joins first: each caller reads the source before it joins the shared compile, so two callers
        // started together may join in either order, and a compile whose only waiter leaves is (rightly) abandoned.
        var staying = compiler.CompileAsync(Request(), CancellationToken.None);
        await cluster.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var leaving = compiler.CompileAsync(Request(), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.False(cluster.SawCancel);
        cluster.Finish(TestFiles.Read("ir/samples/hello_world.yaml"));

        var result = await staying.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("sha256:", result.SpecHash, StringComparison.Ordinal);
        Assert.Equal(1, cluster.Runs);
    }

    [Fact]
    public async Task CompileAsync_AfterAnAbandonedCompile_StartsAFreshOne()
    {
        var cluster = new BlockingCluster();
        var compiler = Compiler(cluster);
        using var cancel = new CancellationTokenSource();
        var abandoned = compiler.CompileAsync(Request(), cancel.Token);
        await cluster.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        cluster.Finish(TestFiles.Read("ir/samples/hello_world.yaml"));
        var result = await compiler.CompileAsync(Request(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("sha256:", result.SpecHash, StringComparison.Ordinal);
        Assert.Equal(2, cluster.Runs);
    }

    private static PipelineCompiler Compiler(IClusterCompiler cluster) => new(new PipelineCompilerOptions { Cluster = cluster });

    private CompileRequest Request()
    {
        var framework = new FrameworkDefinition("tfx", ["compile", "{source}", "{output}"]) { Image = "tfx", Executor = FrameworkExecutors.Cluster };
        return new CompileRequest("pipeline.py") { BaseDirectory = _folder.Path, ExternalFramework = framework };
    }

    /// <summary>A cluster whose Job runs until <see cref="Finish"/> or until cancelled, then takes a moment to clean up.</summary>
    private sealed class BlockingCluster : IClusterCompiler
    {
        private readonly TaskCompletionSource<string> _ir = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SawCancel { get; private set; }

        public bool CleanedUp { get; private set; }

        public int Runs => Volatile.Read(ref _runs);

        public void Finish(string ir) => _ir.TrySetResult(ir);

        public async Task<string> CompileAsync(ClusterCompileJob job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            try
            {
                return await _ir.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancel = true;
                await Task.Delay(200, CancellationToken.None);
                CleanedUp = true;
                throw;
            }
        }
    }
}
