namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>The <c>cluster</c> executor: hands the compile to the <see cref="IClusterCompiler"/> the compiler was given.</summary>
internal static class ClusterExecutor
{
    public static async Task<string> RunAsync(IClusterCompiler cluster, FrameworkRun run, CancellationToken cancellationToken)
    {
        var job = new ClusterCompileJob(run.Framework, default, run.MergedEnv, run.Source.Files, run.DisplaySource) { Timeout = run.Timeout };
        job = job with { Argv = run.Argv(job.SourceMount, job.OutputPath) };
        try
        {
            return await cluster.CompileAsync(job, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw run.TimedOut("its Job was deleted");
        }
    }
}
