using Kfp.Emulator;
using Kfp.Kube.Auth;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Emulator;

/// <summary>An emulator started with <c>--token</c>: the Kubernetes API accepts those bearer tokens only (and, as documented, no token at all).</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private EmulatorHost? _host;

    private EmulatorHost Host => _host!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(new EmulatorOptions { Tokens = ["alpha", "beta"] });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Kubeconfig_CarriesTheFirstToken_AndWorks()
    {
        Assert.Contains("token: alpha", await File.ReadAllTextAsync(Host.Endpoints.Kubeconfig), StringComparison.Ordinal);
        using var client = new KubeClient(new KubeConfigLoader().Load(new KubeConfigOptions { Path = Host.Endpoints.Kubeconfig }));

        Assert.Equal("kubeflow", (await client.Namespaces.GetAsync("kubeflow")).Metadata.Name);
    }

    [Fact]
    public async Task SecondToken_IsAccepted()
    {
        using var client = new KubeClient(new KubeClientConfig { Server = Host.KubernetesUrl, Auth = new TokenAuth("beta") });

        Assert.NotEmpty((await client.ServiceAccounts.ListAsync("kubeflow")).Items);
    }

    [Theory]
    [InlineData("kfp-emulator-token")]
    [InlineData("gamma")]
    public async Task OtherToken_IsRefusedWithStatus401_AndNothingIsWritten(string token)
    {
        using var client = new KubeClient(new KubeClientConfig { Server = Host.KubernetesUrl, Auth = new TokenAuth(token) });

        var e = await Assert.ThrowsAsync<KubeAuthenticationException>(() =>
            client.ConfigMaps.CreateAsync(new k8s.Models.V1ConfigMap { Metadata = new k8s.Models.V1ObjectMeta { Name = "refused" } }));

        Assert.Equal("Unauthorized", e.Status!.Reason);
        Assert.Equal(401, e.Status.Code);
        using var anonymous = new KubeClient(new KubeClientConfig { Server = Host.KubernetesUrl });
        Assert.Null(await anonymous.ConfigMaps.FindAsync("kubeflow", "refused"));
    }

    [Fact]
    public async Task Kubectl_OverPlainHttp_SendsNoTokenAndIsServed()
    {
        var result = (await new Kubectl(Host.Endpoints.Kubeconfig).RunAsync("get", "serviceaccount", "pipeline-runner")).EnsureSuccess();

        Assert.Contains("pipeline-runner", result.Stdout, StringComparison.Ordinal);
    }
}
