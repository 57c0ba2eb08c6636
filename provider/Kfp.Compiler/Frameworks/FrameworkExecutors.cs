namespace Kfp.Compiler;

/// <summary>Where an external framework's compile runs.</summary>
public static class FrameworkExecutors
{
    /// <summary>An argv command on this machine.</summary>
    public const string Local = "local";

    /// <summary>The framework's image run with docker or podman on this machine, the source mounted read-only.</summary>
    public const string Container = "container";

    /// <summary>A Kubernetes Job in the framework's namespace (run by the <see cref="IClusterCompiler"/> given to the compiler).</summary>
    public const string Cluster = "cluster";

    /// <summary>Every executor name.</summary>
    public static readonly IReadOnlyList<string> All = [Local, Container, Cluster];
}
