using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>The <c>local</c> executor: the framework's argv run on this machine (no shell), killed with its children at the timeout.</summary>
internal sealed class LocalExecutor(IProcessRunner runner, IFileSystem files, TimeProvider time)
{
    public async Task<string> RunAsync(FrameworkRun run, CancellationToken cancellationToken)
    {
        var directory = files.CreateTempDirectory();
        try
        {
            var output = Path.Combine(directory, "pipeline.yaml");
            var argv = run.Argv(run.Source.Root, output);
            var spec = new ProcessSpec(argv[0], argv[1..], run.MergedEnv, run.WorkingDirectory);
            var result = await RunWithTimeoutAsync(run, spec, cancellationToken);
            return await CompilerOutput.ReadAsync(files, run, result, output, cancellationToken);
        }
        finally
        {
            files.DeleteDirectory(directory);
        }
    }

    private async Task<ProcessResult> RunWithTimeoutAsync(FrameworkRun run, ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(run.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await runner.RunAsync(spec, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw run.TimedOut("with its child processes");
        }
        catch (FileNotFoundException e)
        {
            throw run.Fail("framework.command", $"{e.Message}; install the program or fix the framework's command.");
        }
    }
}
