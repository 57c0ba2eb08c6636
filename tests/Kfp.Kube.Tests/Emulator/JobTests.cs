using k8s.Models;
using Kfp.Emulator;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>
/// batch/v1 Jobs, pods and pods/log of the emulated API, driven with KubernetesClient (through Kfp.Kube) and kubectl.
/// The emulator runs the container of image <c>compiler:1</c> as <c>/bin/sh</c> with the container's command and args.
/// </summary>
public sealed class JobTests : IAsyncLifetime
{
    private const string Image = "compiler:1";
    private EmulatorHost? _host;
    private KubeClient? _client;

    private EmulatorHost Host => _host!;

    private KubeClient Client => _client!;

    private Kubectl Kubectl => new(Host.Endpoints.Kubeconfig);

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { ImageCommands = new Dictionary<string, string> { [Image] = "/bin/sh" } });
        _client = new KubeClient(new KubeConfigLoader().Load(new KubeConfigOptions { Path = Host.Endpoints.Kubeconfig }));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Host.DisposeAsync();
    }

    private static V1Job Job(string name, string image, string script, IList<V1Volume>? volumes = null, IList<V1VolumeMount>? mounts = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            BackoffLimit = 0,
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Containers = [new V1Container { Name = "compile", Image = image, Command = ["-c", script], VolumeMounts = mounts }],
                    Volumes = volumes,
                },
            },
        },
    };

    private async Task<V1Job> WaitAsync(string name, Func<V1Job, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = await Client.Jobs.GetAsync("kubeflow", name, timeout.Token);
            if (done(job))
            {
                return job;
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task Job_MappedImage_RunsWithVolumesAndLogs_SeenByClientAndKubectl()
    {
        await Client.ConfigMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "src" }, Data = new Dictionary<string, string> { ["pipeline.py"] = "print('hello')" } });
        await Client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "token" }, StringData = new Dictionary<string, string> { ["value"] = "s3cret" } });
        var job = Job("compile-ok", Image, "echo compiling; cat /src/pipeline.py; echo; wc -c < /secret/value; echo ir > /out/ir.yaml; cat /out/ir.yaml",
            [new V1Volume { Name = "src", ConfigMap = new V1ConfigMapVolumeSource { Name = "src" } },
             new V1Volume { Name = "secret", Secret = new V1SecretVolumeSource { SecretName = "token" } },
             new V1Volume { Name = "out", EmptyDir = new V1EmptyDirVolumeSource() }],
            [new V1VolumeMount { Name = "src", MountPath = "/src", ReadOnlyProperty = true },
             new V1VolumeMount { Name = "secret", MountPath = "/secret" },
             new V1VolumeMount { Name = "out", MountPath = "/out" }]);

        var created = await Client.Jobs.CreateAsync(job);
        var finished = await WaitAsync("compile-ok", j => j.Status?.Succeeded == 1 || j.Status?.Failed == 1);
        var pod = Assert.Single((await Client.Pods.ListAsync("kubeflow", new ListOptions { LabelSelector = "job-name=compile-ok" })).Items);
        var log = await Client.ReadPodLogAsync("kubeflow", pod.Metadata.Name);
        Assert.True(finished.Status.Succeeded == 1, log);

        Assert.Equal(created.Metadata.Uid, created.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        Assert.Contains(finished.Status.Conditions, c => c.Type == "Complete" && c.Status == "True");
        Assert.Equal("Succeeded", pod.Status.Phase);
        Assert.Equal(0, pod.Status.ContainerStatuses.Single().State.Terminated.ExitCode);
        Assert.Equal("Job", pod.Metadata.OwnerReferences.Single().Kind);
        Assert.Equal("compiling\nprint('hello')\n6\nir\n", log);
        Assert.Equal("ir\n", await Client.ReadPodLogAsync("kubeflow", pod.Metadata.Name, tailLines: 1));

        var jobs = (await Kubectl.RunAsync("get", "jobs")).EnsureSuccess();
        Assert.Matches(@"compile-ok\s+Complete\s+1/1", jobs.Stdout);
        var logs = (await Kubectl.RunAsync("logs", "job/compile-ok")).EnsureSuccess();
        Assert.Equal(log, logs.Stdout);
    }

    [Fact]
    public async Task Job_FailingCommand_FailsWithExitCodeAndLog()
    {
        await Client.Jobs.CreateAsync(Job("compile-bad", Image, "echo 'syntax error in pipeline.py' >&2; exit 3"));

        var failed = await WaitAsync("compile-bad", j => j.Status?.Failed == 1);

        Assert.Contains(failed.Status.Conditions, c => c.Type == "Failed" && c.Status == "True");
        var pod = Assert.Single((await Client.Pods.ListAsync("kubeflow", new ListOptions { LabelSelector = "job-name=compile-bad" })).Items);
        Assert.Equal(3, pod.Status.ContainerStatuses.Single().State.Terminated.ExitCode);
        Assert.Equal("syntax error in pipeline.py\n", await Client.ReadPodLogAsync("kubeflow", pod.Metadata.Name));
        Assert.Matches(@"compile-bad\s+Failed\s+0/1", (await Kubectl.RunAsync("get", "jobs")).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Job_UnmappedImage_StaysPendingWithAnEventSayingWhy()
    {
        await Client.Jobs.CreateAsync(Job("compile-nowhere", "tfx:2", "true"));

        V1Pod? pod = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (pod?.Status?.ContainerStatuses is null)
        {
            await Task.Delay(50, timeout.Token);
            pod = (await Client.Pods.ListAsync("kubeflow", new ListOptions { LabelSelector = "job-name=compile-nowhere" })).Items.SingleOrDefault();
        }

        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal("ErrImagePull", pod.Status.ContainerStatuses.Single().State.Waiting.Reason);
        var events = (await new Kubectl(Host.Endpoints.Kubeconfig).RunAsync("get", "events", "--field-selector", $"involvedObject.name={pod.Metadata.Name}")).EnsureSuccess();
        Assert.Contains("--image-command tfx:2=PROGRAM", events.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"compile-nowhere-\w+\s+0/1\s+ErrImagePull", (await Kubectl.RunAsync("get", "pods")).EnsureSuccess().Stdout);
        var e = await Assert.ThrowsAsync<KubeApiException>(() => Client.ReadPodLogAsync("kubeflow", pod.Metadata.Name));
        Assert.Contains("is waiting to start: ErrImagePull", e.Message, StringComparison.Ordinal);
        var job = await Client.Jobs.GetAsync("kubeflow", "compile-nowhere");
        Assert.Equal(1, job.Status.Active);
        Assert.Null(job.Status.Conditions);
    }

    [Fact]
    public async Task Delete_BackgroundPropagation_RemovesThePods_OrphanKeepsThem()
    {
        await Client.Jobs.CreateAsync(Job("long-a", Image, "sleep 30"));
        await Client.Jobs.CreateAsync(Job("long-b", Image, "sleep 30"));
        await WaitAsync("long-a", j => j.Status?.Active == 1);
        await WaitAsync("long-b", j => j.Status?.Active == 1);

        Assert.True(await Client.Jobs.DeleteAsync("kubeflow", "long-a", new DeleteOptions { PropagationPolicy = "Background" }));
        Assert.True(await Client.Jobs.DeleteAsync("kubeflow", "long-b"));

        Assert.Empty((await Client.Pods.ListAsync("kubeflow", new ListOptions { LabelSelector = "job-name=long-a" })).Items);
        Assert.Single((await Client.Pods.ListAsync("kubeflow", new ListOptions { LabelSelector = "job-name=long-b" })).Items);
        Assert.Null(await Client.Jobs.FindAsync("kubeflow", "long-a"));
    }

    [Fact]
    public async Task Create_NoRestartPolicy_IsInvalidNamingTheField()
    {
        var job = Job("bad-spec", Image, "true");
        job.Spec.Template.Spec.RestartPolicy = null;

        var e = await Assert.ThrowsAsync<KubeApiException>(() => Client.Jobs.CreateAsync(job));

        Assert.True(e.IsInvalid);
        Assert.Contains(e.Causes, c => c.Field == "spec.template.spec.restartPolicy");
        var missing = await Assert.ThrowsAsync<KubeApiException>(() => Client.Jobs.GetAsync("kubeflow", "bad-spec"));
        Assert.True(missing.IsNotFound);
        Assert.Contains("jobs.batch \"bad-spec\" not found", missing.Message, StringComparison.Ordinal);
    }
}
