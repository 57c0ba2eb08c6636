using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Frameworks.Executors;
using Kfp.Compiler.Hashing;
using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks;

/// <summary>
/// Runs an external framework: picks its executor (<see cref="ExecutorChoice"/>), checks that a command about to run on
/// this machine is trusted (<see cref="FrameworkTrust"/>), and returns the IR text the compiler wrote.
/// </summary>
internal sealed class ExternalFrameworkRunner(IProcessRunner runner, IFileSystem files, TimeProvider time, IHostEnvironment host, PipelineCompilerOptions options)
{
    public async Task<string> RunAsync(FrameworkRun run, CancellationToken cancellationToken)
    {
        var framework = run.Framework;
        if (framework.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(framework.Command[0]))
        {
            throw run.Fail("framework.command", "the framework has no command; set command to the compiler's argv, e.g. [python3, compile.py, '{source}', '{output}'].");
        }

        var engine = ContainerEngine.Find(host, options.ContainerEngine);
        var executor = ExecutorChoice.Choose(run, options.Cluster is not null, engine);
        if (executor is FrameworkExecutors.Local or FrameworkExecutors.Container)
        {
            options.Trust.EnsureTrusted(framework, executor, run.ApprovedDigest);
        }

        return executor switch
        {
            FrameworkExecutors.Local => await new LocalExecutor(runner, files, time).RunAsync(run, cancellationToken),
            FrameworkExecutors.Container => await new ContainerExecutor(runner, files, time, host, engine!).RunAsync(run, cancellationToken),
            _ => await ClusterExecutor.RunAsync(options.Cluster!, run, cancellationToken),
        };
    }

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
