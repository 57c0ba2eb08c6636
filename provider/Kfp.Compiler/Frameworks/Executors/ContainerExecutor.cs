using System.Collections.Immutable;
using System.Security.Cryptography;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>
/// The <c>container</c> executor: <c>docker run</c> (or podman) of the framework's image with the source directory mounted
/// read-only at <see cref="SourceMount"/>, an output directory at <see cref="OutputMount"/>, the caller's uid:gid, no network
/// unless the framework names one, and the argv passed as the entrypoint and its arguments (no shell). Environment values
/// go to the engine's own environment and are passed by name (<c>-e NAME</c>), so they never appear on a command line.
/// At the timeout the client is killed and the container removed by the name given to it.
/// </summary>
internal sealed class ContainerExecutor(IProcessRunner runner, IFileSystem files, TimeProvider time, IHostEnvironment host, string engine)
{
    public const string SourceMount = "/kfp/source";

    public const string OutputMount = "/kfp/output";

    public async Task<string> RunAsync(FrameworkRun run, CancellationToken cancellationToken)
    {
        var directory = files.CreateTempDirectory();
        var name = "kfp-compile-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        try
        {
            var spec = new ProcessSpec(engine, Arguments(run, name, directory), run.MergedEnv, directory);
            var result = await RunWithTimeoutAsync(run, spec, name, cancellationToken);
            return await CompilerOutput.ReadAsync(files, run, result, Path.Combine(directory, "pipeline.yaml"), cancellationToken);
        }
        finally
        {
            files.DeleteDirectory(directory);
        }
    }

    internal ImmutableArray<string> Arguments(FrameworkRun run, string name, string outputDirectory)
    {
        var argv = run.Argv(SourceMount, OutputMount + "/pipeline.yaml");
        var arguments = ImmutableArray.CreateBuilder<string>();
        arguments.AddRange("run", "--rm", "--name", name, "--network", run.Framework.Network ?? "none");
        if (host.UserAndGroup() is { } user)
        {
            arguments.AddRange("--user", user);
        }

        arguments.AddRange("-v", $"{run.Source.Root}:{SourceMount}:ro", "-v", $"{outputDirectory}:{OutputMount}", "-w", SourceMount);
        foreach (var variable in run.MergedEnv.Keys)
        {
            arguments.AddRange("-e", variable);
        }

        arguments.AddRange("--entrypoint", argv[0], run.Framework.Image!);
        arguments.AddRange(argv[1..]);
        return arguments.ToImmutable();
    }

    private async Task<ProcessResult> RunWithTimeoutAsync(FrameworkRun run, ProcessSpec spec, string name, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(run.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await runner.RunAsync(spec, linked.Token);
        }
        catch (OperationCanceledException)
        {
            await RemoveAsync(name);
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw run.TimedOut($"its container '{name}' was removed");
            }

            throw;
        }
        catch (FileNotFoundException e)
        {
            throw run.Fail("framework.executor", $"{e.Message}; install docker or podman, or use executor: local.");
        }
    }

    /// <summary>Removes the container by name: killing the client does not stop a container the daemon runs.</summary>
    private async Task RemoveAsync(string name)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await runner.RunAsync(new ProcessSpec(engine, ["rm", "-f", name], ImmutableSortedDictionary<string, string>.Empty, Path.GetTempPath()), bound.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or FileNotFoundException or IOException)
        {
            // Best effort: the error already says the compile was stopped.
        }
    }
}
