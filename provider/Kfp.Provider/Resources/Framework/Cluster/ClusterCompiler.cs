using Kfp.Compiler;
using Kfp.Kube.Client;
using Kfp.Kube.Http;
using Kfp.Provider.Engine;
using k8s.Models;

namespace Kfp.Provider.Resources;

/// <summary>
/// The <c>cluster</c> executor (<see cref="IClusterCompiler"/>): a Kubernetes Job in the framework's namespace runs its image
/// with its argv, the source mounted from a ConfigMap; the IR comes back in the pod's log between markers. The Job is
/// deleted after success, and after a timeout or cancel; after a failure it is kept for <see cref="ClusterCompileObjects.KeepFailedSeconds"/>
/// and the pod's log tail is in the error. The source ConfigMap is always deleted. While it waits, ephemeral status
/// messages say where the compile is.
/// </summary>
internal sealed class ClusterCompiler(Func<IKubeClient> kube, Func<string> defaultNamespace, IEngineLog log, TimeProvider time) : IClusterCompiler
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(5);

    public async Task<string> CompileAsync(ClusterCompileJob job, CancellationToken cancellationToken)
    {
        var (ns, framework) = FrameworkReference.Split(job.Framework.Name, defaultNamespace);
        var size = job.Files.Sum(f => f.Length);
        if (size > ClusterCompileObjects.MaxSourceBytes)
        {
            throw Fail(job, "source",
                $"the source is {size / 1024} KiB in {job.Files.Length} files; the cluster executor carries it in a ConfigMap of at most " +
                $"{ClusterCompileObjects.MaxSourceBytes / 1024} KiB: make the source smaller (leave out data and build output), or use executor: local or container");
        }
        var objects = ClusterCompileObjects.For(ns, framework);
        var client = kube();
        using var deadline = new CancellationTokenSource(job.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var keepJob = false;
        try
        {
            await Kube(job, "create", "configmaps", ns, () => client.ConfigMaps.CreateAsync(objects.SourceConfigMap(job, File.ReadAllBytes), null, linked.Token));
            await Kube(job, "create", "jobs", ns, () => client.Jobs.CreateAsync(objects.Job(job), null, linked.Token));
            await Status($"compile job {ns}/{objects.Name} created for framework '{job.Framework.Name}'", linked.Token);
            var (pod, succeeded) = await WaitAsync(client, objects, linked.Token);
            var podLog = pod is null ? "" : await Kube(job, "get", "pods/log", ns, () => client.ReadPodLogAsync(ns, pod, ClusterCompileObjects.ContainerName, null, linked.Token));
            if (!succeeded)
            {
                keepJob = true;
                throw Fail(job, "framework.command",
                    $"the compiler failed in Job {ns}/{objects.Name} (kept for {ClusterCompileObjects.KeepFailedSeconds / 60} minutes: `kubectl logs -n {ns} job/{objects.Name}`). " +
                    $"Last lines of its log:\n{ClusterCompileObjects.Tail(podLog)}");
            }
            await Status($"compile job {ns}/{objects.Name} done", CancellationToken.None);
            return objects.ReadIr(podLog) ?? throw Fail(job, "framework.command",
                $"the compiler in Job {ns}/{objects.Name} finished but its IR was not in the log; it must write the IR to {job.OutputPath}. " +
                $"Last lines of its log:\n{ClusterCompileObjects.Tail(podLog)}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"compile job {ns}/{objects.Name} did not finish within {job.Timeout.TotalSeconds:0} s");
        }
        finally
        {
            await CleanUpAsync(client, objects, keepJob);
        }
    }

    /// <summary>Polls the Job with backoff until it completes; returns its pod's name and whether it succeeded.</summary>
    private async Task<(string? Pod, bool Succeeded)> WaitAsync(IKubeClient client, ClusterCompileObjects objects, CancellationToken cancellationToken)
    {
        var wait = FirstPoll;
        string? lastPhase = null;
        while (true)
        {
            var current = await client.Jobs.GetAsync(objects.Namespace, objects.Name, cancellationToken);
            var pods = await client.Pods.ListAsync(objects.Namespace, new ListOptions { LabelSelector = $"job-name={objects.Name}" }, cancellationToken);
            var pod = pods.Items.Count > 0 ? pods.Items[0] : null;
            if (current.Status is { } status && (status.Succeeded > 0 || status.Failed > 0))
            {
                return (pod?.Metadata.Name, status.Succeeded > 0);
            }
            var phase = Describe(pod);
            if (phase != lastPhase)
            {
                lastPhase = phase;
                await Status($"compile job {objects.Namespace}/{objects.Name}: {phase}", cancellationToken);
            }
            await Task.Delay(wait, time, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, wait.Ticks * 2));
        }
    }

    private static string Describe(V1Pod? pod)
    {
        if (pod is null)
        {
            return "waiting for its pod";
        }
        var waiting = pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting;
        var phase = pod.Status?.Phase ?? "Pending";
        return waiting?.Reason is { } reason ? $"pod {phase.ToLowerInvariant()} ({reason}{(waiting.Message is { } m ? ": " + m : "")})" : $"pod {phase.ToLowerInvariant()}";
    }

    private async Task CleanUpAsync(IKubeClient client, ClusterCompileObjects objects, bool keepJob)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
        try
        {
            if (!keepJob)
            {
                await client.Jobs.DeleteAsync(objects.Namespace, objects.Name, new DeleteOptions { PropagationPolicy = "Background" }, cleanup.Token);
            }
            await client.ConfigMaps.DeleteAsync(objects.Namespace, objects.Name, null, cleanup.Token);
        }
        catch (Exception e) when (e is KubeApiException or OperationCanceledException)
        {
            await log.LogAsync(LogLevel.Warning,
                $"could not delete compile job {objects.Namespace}/{objects.Name}: {e.Message}; delete it with `kubectl delete -n {objects.Namespace} job,configmap {objects.Name}`",
                null, false, CancellationToken.None);
        }
    }

    private Task Status(string message, CancellationToken cancellationToken) => log.LogAsync(LogLevel.Info, message, null, true, cancellationToken);

    /// <summary>Kubernetes refusals become compile errors that name the namespace and the verb.</summary>
    private static async Task<T> Kube<T>(ClusterCompileJob job, string verb, string resource, string ns, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubeAuthorizationException e)
        {
            throw Fail(job, "framework.executor",
                $"the cluster executor may not {verb} {resource} in namespace {ns}: {e.Message}. Grant it (a Role with {verb} on {resource} and a RoleBinding), or use executor: local or container");
        }
        catch (KubeApiException e) when (e is not KubeConnectionException and not KubeAuthenticationException)
        {
            throw Fail(job, "framework.executor", $"the cluster executor could not {verb} {resource} in namespace {ns}: {e.Message}");
        }
    }

    private static PipelineCompileException Fail(ClusterCompileJob job, string path, string message) =>
        new(job.DisplaySource, job.Framework.Name, [new CompileProblem(path, message)]);
}
