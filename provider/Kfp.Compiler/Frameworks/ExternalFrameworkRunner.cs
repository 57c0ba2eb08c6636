using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks;

/// <summary>
/// Runs an external framework's command (argv, no shell) with <c>{source}</c>, <c>{output}</c> and
/// <c>{parameters}</c> filled in, kills it with its children after the timeout, and returns the IR text it wrote.
/// </summary>
internal sealed class ExternalFrameworkRunner(IProcessRunner runner, IFileSystem files, TimeProvider time)
{
    public async Task<string> RunAsync(FrameworkRun run, CancellationToken cancellationToken)
    {
        var framework = run.Framework;
        if (framework.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(framework.Command[0]))
        {
            throw run.Fail("framework.command", "the framework has no command; set command to the compiler's argv, e.g. [python3, compile.py, '{source}', '{output}'].");
        }

        var directory = files.CreateTempDirectory();
        try
        {
            var output = Path.Combine(directory, "pipeline.yaml");
            var argv = framework.Command.Select(a => Fill(a, run.SourcePath, output, run.ParametersJson)).ToImmutableArray();
            var env = framework.Env.SetItems(run.Env);
            var spec = new ProcessSpec(argv[0], argv[1..], env, run.WorkingDirectory);
            var result = await RunWithTimeoutAsync(run, spec, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw run.Fail(string.Empty, $"the compiler exited with code {result.ExitCode}. Its error output (last {SystemProcessRunner.TailBytes / 1024} KB):\n{Tail(result)}");
            }

            if (!files.FileExists(output))
            {
                throw run.Fail(string.Empty, $"the compiler exited successfully but wrote no output; make its command write the IR to the path given by the {{output}} placeholder. Its output:\n{Tail(result)}");
            }

            return System.Text.Encoding.UTF8.GetString(await files.ReadAllBytesAsync(output, cancellationToken));
        }
        finally
        {
            files.DeleteDirectory(directory);
        }
    }

    private async Task<ProcessResult> RunWithTimeoutAsync(FrameworkRun run, ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, run.Framework.TimeoutSeconds)), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await runner.RunAsync(spec, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw run.Fail("framework.timeoutSeconds", $"the compiler did not finish within {run.Framework.TimeoutSeconds} s and was stopped (with its child processes); raise timeoutSeconds or make the compile faster.");
        }
        catch (FileNotFoundException e)
        {
            throw run.Fail("framework.command", $"{e.Message}; install the program or fix the framework's command.");
        }
    }

    private static string Fill(string argument, string source, string output, string parameters) => argument
        .Replace("{source}", source, StringComparison.Ordinal)
        .Replace("{output}", output, StringComparison.Ordinal)
        .Replace("{parameters}", parameters, StringComparison.Ordinal);

    private static string Tail(ProcessResult result) =>
        result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput.Length > 0 ? result.StandardOutput : "(none)";

    /// <summary>The framework parameters as one JSON object: defaults overlaid with the request's, keys sorted.</summary>
    public static string ParametersJson(FrameworkDefinition framework, ImmutableSortedDictionary<string, JsonNode?> overrides)
    {
        var merged = new JsonObject();
        foreach (var (key, value) in framework.DefaultParameters.SetItems(overrides))
        {
            merged[key] = value?.DeepClone();
        }

        return CanonicalJson.Write(merged, indented: false);
    }
}

/// <summary>One run of an external framework.</summary>
internal sealed record FrameworkRun(
    FrameworkDefinition Framework,
    string DisplaySource,
    string SourcePath,
    string WorkingDirectory,
    string ParametersJson,
    ImmutableSortedDictionary<string, string> Env)
{
    public PipelineCompileException Fail(string path, string message) =>
        new(DisplaySource, Framework.Name, [new CompileProblem(path, message)]);
}
