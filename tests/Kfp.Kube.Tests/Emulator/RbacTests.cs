using k8s.Models;
using Kfp.Emulator;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>
/// The emulator's least RBAC: a token given as <c>TOKEN=ns1,ns2</c> may use only those namespaces; anything else is a real
/// <c>Status</c> 403 that our client turns into <see cref="KubeAuthorizationException"/> naming the verb and the namespace.
/// Served over https (<c>--kube-tls</c>) so that kubectl sends the token too.
/// </summary>
public sealed class RbacTests : IAsyncLifetime
{
    private EmulatorHost? _host;

    private EmulatorHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Tokens = ["team-a=kubeflow,team-a", "admin"], KubeTls = true });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private KubeClient Client() => new(new KubeConfigLoader().Load(new KubeConfigOptions { Path = Host.Endpoints.Kubeconfig }));

    [Fact]
    public async Task RestrictedToken_InItsNamespace_IsServedOverTls()
    {
        using var client = Client();

        Assert.StartsWith("https://", Host.Endpoints.Kubernetes, StringComparison.Ordinal);
        Assert.NotEmpty((await client.ServiceAccounts.ListAsync("kubeflow")).Items);
        Assert.Equal("kubeflow", (await client.Namespaces.GetAsync("kubeflow")).Metadata.Name);
    }

    [Fact]
    public async Task RestrictedToken_CreateJobElsewhere_IsForbiddenNamingVerbResourceGroupAndNamespace()
    {
        using var client = Client();
        var job = new V1Job { Metadata = new V1ObjectMeta { Name = "compile", NamespaceProperty = "team-ml" }, Spec = new V1JobSpec() };

        var e = await Assert.ThrowsAsync<KubeAuthorizationException>(() => client.Jobs.CreateAsync(job));

        Assert.Equal(403, e.Status!.Code);
        Assert.Equal("Forbidden", e.Status.Reason);
        Assert.Equal("jobs.batch is forbidden: User \"token:team-a\" cannot create resource \"jobs\" in API group \"batch\" in the namespace \"team-ml\"", e.Status.Message);
        Assert.Contains("may not create jobs in namespace team-ml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedToken_GetConfigMapAndPodLogElsewhere_NamesTheObjectAndSubresource()
    {
        using var client = Client();

        var get = await Assert.ThrowsAsync<KubeAuthorizationException>(() => client.ConfigMaps.FindAsync("team-ml", "kfp-framework-tfx"));
        var log = await Assert.ThrowsAsync<KubeAuthorizationException>(() => client.ReadPodLogAsync("team-ml", "compile-x"));

        Assert.Equal("configmaps \"kfp-framework-tfx\" is forbidden: User \"token:team-a\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"team-ml\"", get.Status!.Message);
        Assert.Equal("kfp-framework-tfx", get.Status.Details.Name);
        Assert.Equal("configmaps", get.Status.Details.Kind);
        Assert.Contains("cannot get resource \"pods/log\" in API group \"\" in the namespace \"team-ml\"", log.Status!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedToken_ClusterScope_IsForbidden()
    {
        using var client = Client();

        var e = await Assert.ThrowsAsync<KubeAuthorizationException>(() => client.Namespaces.ListAsync());

        Assert.EndsWith("cannot list resource \"namespaces\" in API group \"\" at the cluster scope", e.Status!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_WithTheRestrictedToken_GetsTheForbiddenStatus()
    {
        var kubectl = new Kubectl(Host.Endpoints.Kubeconfig);

        var denied = await kubectl.RunAsync("get", "secrets", "-n", "team-ml");
        var allowed = (await kubectl.RunAsync("get", "serviceaccount", "pipeline-runner", "-n", "kubeflow")).EnsureSuccess();

        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("Error from server (Forbidden): secrets is forbidden: User \"token:team-a\" cannot list resource \"secrets\" in API group \"\" in the namespace \"team-ml\"",
            denied.Stderr, StringComparison.Ordinal);
        Assert.Contains("pipeline-runner", allowed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrestrictedToken_MayDoAnything()
    {
        using var client = new KubeClient(new KubeConfigLoader().Load(new KubeConfigOptions { Path = Host.Endpoints.Kubeconfig }) with
        {
            Auth = new Kfp.Kube.Auth.TokenAuth("admin"),
        });

        Assert.Contains((await client.Namespaces.ListAsync()).Items, n => n.Metadata.Name == "kubeflow");
        Assert.Null(await client.ConfigMaps.FindAsync("team-ml", "kfp-framework-tfx"));
    }
}
