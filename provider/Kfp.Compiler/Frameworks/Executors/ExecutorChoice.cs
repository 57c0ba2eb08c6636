namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>
/// Which executor runs a framework: the one it names, else <c>local</c> without an image, else <c>cluster</c> when the
/// compiler has a cluster, else <c>container</c> when docker or podman is on PATH; otherwise says what is missing.
/// </summary>
internal static class ExecutorChoice
{
    public static string Choose(FrameworkRun run, bool hasCluster, string? engine)
    {
        var framework = run.Framework;
        var named = framework.Executor;
        if (named is not null && !FrameworkExecutors.All.Contains(named))
        {
            throw run.Fail("framework.executor", $"'{named}' is not an executor; use one of {string.Join(", ", FrameworkExecutors.All)}.");
        }

        var hasImage = !string.IsNullOrWhiteSpace(framework.Image);
        var chosen = named ?? (!hasImage ? FrameworkExecutors.Local
            : hasCluster ? FrameworkExecutors.Cluster
            : engine is not null ? FrameworkExecutors.Container
            : throw run.Fail("framework.executor",
                $"the framework has an image ('{framework.Image}') but no cluster is configured and neither docker nor podman is on PATH; " +
                "install docker or podman, configure the provider's cluster, or set executor: local to run its command on this machine."));
        if (chosen != FrameworkExecutors.Local && !hasImage)
        {
            throw run.Fail("framework.image", $"executor '{chosen}' runs the framework's image, and it has none; set image to the compiler image.");
        }

        if (chosen == FrameworkExecutors.Container && engine is null)
        {
            throw run.Fail("framework.executor", "executor 'container' needs docker or podman on PATH, and neither was found; install one, or use executor: cluster or local.");
        }

        if (chosen == FrameworkExecutors.Cluster && !hasCluster)
        {
            throw run.Fail("framework.executor", "executor 'cluster' runs the compile as a Kubernetes Job, and this compiler has no cluster; configure the provider's Kubernetes access, or use executor: container or local.");
        }

        return chosen;
    }
}
