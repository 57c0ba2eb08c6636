using System.Collections.Immutable;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler;

/// <summary>
/// The <c>cluster</c> executor's seam: runs one compile as a Kubernetes Job (implemented by the provider, which owns the
/// Kubernetes client). The compiler hands over the filled argv (paths under <see cref="ClusterCompileJob.SourceMount"/> and
/// <see cref="ClusterCompileJob.OutputPath"/>), the environment and the source files; the implementation mounts the files,
/// runs the image, returns the IR text the compiler wrote, cleans up, and throws <see cref="PipelineCompileException"/>
/// (with the pod's log tail) or <see cref="TimeoutException"/> when the compile fails or outlives <see cref="ClusterCompileJob.Timeout"/>.
/// </summary>
public interface IClusterCompiler
{
    /// <summary>Runs the Job to completion and returns the IR (YAML or JSON) written to <see cref="ClusterCompileJob.OutputPath"/>.</summary>
    Task<string> CompileAsync(ClusterCompileJob job, CancellationToken cancellationToken);
}

/// <summary>One compile to run on the cluster.</summary>
/// <param name="Framework">The framework's definition (name, image, namespace-qualified name as the provider gave it).</param>
/// <param name="Argv">The command with placeholders filled: run it as the container's command, without a shell.</param>
/// <param name="Env">The environment for the container.</param>
/// <param name="Files">The source's files (paths relative to <see cref="SourceMount"/>), already bounded in count and size.</param>
/// <param name="DisplaySource">The source as the user wrote it, for messages.</param>
public sealed record ClusterCompileJob(
    FrameworkDefinition Framework,
    ImmutableArray<string> Argv,
    ImmutableSortedDictionary<string, string> Env,
    ImmutableArray<SourceFile> Files,
    string DisplaySource)
{
    /// <summary>Where the source directory is mounted in the container (read-only).</summary>
    public string SourceMount { get; init; } = "/kfp/source";

    /// <summary>The file the compiler writes inside the container.</summary>
    public string OutputPath { get; init; } = "/kfp/output/pipeline.yaml";

    /// <summary>How long the Job may take, from the framework's timeoutSeconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
