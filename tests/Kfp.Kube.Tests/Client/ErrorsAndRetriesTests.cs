using k8s.Models;
using Kfp.Kube.Auth;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

/// <summary>What the client makes of faults: typed errors naming what to fix, retries of 503/429 on the injected clock.</summary>
public sealed class ErrorsAndRetriesTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string Forbidden = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets \"x\" is forbidden: User \"dev\" cannot get resource \"secrets\" in API group \"\" in the namespace \"kubeflow\"","reason":"Forbidden","details":{"name":"x","kind":"secrets"},"code":403}""";

    private readonly IKubeClient _client = emu.Client;

    [Fact]
    public async Task Get_503Twice_RetriesWithBackoffAndSucceeds()
    {
        using var http = emu.Http();
        emu.ClientTime.Clear();
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/serviceaccounts/default", 503, 2);

        var sa = await _client.ServiceAccounts.GetAsync("kubeflow", "default");

        Assert.Equal("default", sa.Metadata.Name);
        Assert.Equal([RetryHandler.FirstBackoff, RetryHandler.FirstBackoff * 2], emu.ClientTime.Waits);
    }

    [Fact]
    public async Task Get_429WithRetryAfterInStatus_WaitsWhatTheServerAsked()
    {
        using var http = emu.Http();
        emu.ClientTime.Clear();
        var body = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too many requests","reason":"TooManyRequests","details":{"retryAfterSeconds":7},"code":429}""";
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/serviceaccounts/pipeline-runner", 429, 1, body: body);

        await _client.ServiceAccounts.GetAsync("kubeflow", "pipeline-runner");

        Assert.Equal([TimeSpan.FromSeconds(7)], emu.ClientTime.Waits);
    }

    [Fact]
    public async Task Create_503_IsNotRetried()
    {
        using var http = emu.Http();
        emu.ClientTime.Clear();
        var name = EmulatorFixture.Unique("s");
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/secrets", 503, 1, method: "POST");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => _client.Secrets.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name } }));

        Assert.True(e.IsTransient);
        Assert.Empty(emu.ClientTime.Waits);
        Assert.Null(await _client.Secrets.FindAsync("kubeflow", name));
    }

    [Fact]
    public async Task Find_404ThatIsNotAStatus_IsAnErrorNamingHostStatusAndContentType()
    {
        using var http = emu.Http();
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/secrets/gone", 404, 1, body: "404 page not found");

        var e = await Assert.ThrowsAsync<KubeUnexpectedResponseException>(() => _client.Secrets.FindAsync("kubeflow", "gone"));

        Assert.False(e.IsNotFound);
        Assert.Equal(404, e.Code);
        Assert.Contains(emu.Host.Endpoints.Kubernetes, e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 (application/json)", e.Message, StringComparison.Ordinal);
        Assert.Contains("404 page not found", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:kubeconfig", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_ServerIsNotKubernetes_NeverReadsAsGone()
    {
        using var client = new KubeClient(new KubeClientConfig { Server = emu.Host.KfpUrl, Auth = new TokenAuth("t"), ContextName = "wrong", Source = "/tmp/kubeconfig" });

        var e = await Assert.ThrowsAsync<KubeUnexpectedResponseException>(() => client.Secrets.FindAsync("kubeflow", "anything"));

        Assert.Equal(404, e.Code);
        Assert.Contains($"the server at {emu.Host.KfpUrl}", e.Message, StringComparison.Ordinal);
        Assert.Contains("context \"wrong\" of kubeconfig /tmp/kubeconfig", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_403_IsAuthorizationErrorNamingVerbAndNamespace()
    {
        using var http = emu.Http();
        await Faults.InjectAsync(http, "/api/v1/namespaces/kubeflow/secrets/x", 403, 1, body: Forbidden);

        var e = await Assert.ThrowsAsync<KubeAuthorizationException>(() => _client.Secrets.FindAsync("kubeflow", "x"));

        Assert.Equal("get", e.Verb);
        Assert.Equal("kubeflow", e.Namespace);
        Assert.Contains("may not get secrets in namespace kubeflow", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_403_NamesTheListVerb()
    {
        using var http = emu.Http();
        await Faults.InjectAsync(http, "/api/v1/namespaces/team-a/serviceaccounts", 403, 1, body: Forbidden);

        var e = await Assert.ThrowsAsync<KubeAuthorizationException>(() => _client.ServiceAccounts.ListAsync("team-a"));

        Assert.Equal("list", e.Verb);
        Assert.Equal("team-a", e.Namespace);
    }

    [Fact]
    public async Task Get_WrongToken_IsAuthenticationErrorNamingTheSettings()
    {
        using var client = new KubeClient(new KubeClientConfig { Server = emu.Host.KubernetesUrl, Auth = new TokenAuth("wrong"), ContextName = "emu", Source = "/x/config" });

        var e = await Assert.ThrowsAsync<KubeAuthenticationException>(() => client.Namespaces.GetAsync("kubeflow"));

        Assert.Contains("refused the credentials (bearer token) of context \"emu\" of kubeconfig /x/config", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:kubeconfig", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NothingListening_IsConnectionErrorNamingTheServer()
    {
        using var client = new KubeClient(new KubeClientConfig { Server = new Uri("http://127.0.0.1:1") });

        var e = await Assert.ThrowsAsync<KubeConnectionException>(() => client.Namespaces.GetAsync("kubeflow"));

        Assert.True(e.IsConnectionFailure);
        Assert.Contains("cannot reach the Kubernetes API at http://127.0.0.1:1/", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:kubeconfig", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProxyUrl_GoesThroughTheProxy()
    {
        await using var proxy = new RecordingProxy();
        var content = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: far
              cluster:
                server: http://kube.invalid:6443
                proxy-url: {proxy.Url}
            contexts:
            - name: far
              context:
                cluster: far
            current-context: far
            """;
        var config = new KubeConfigLoader(new FakeEnvironment(), TimeProvider.System).Load(new KubeConfigOptions { Content = content });
        using var client = new KubeClient(config);

        var ns = await client.Namespaces.GetAsync("kubeflow");

        Assert.Equal("via-proxy", ns.Metadata.Name);
        Assert.Equal("GET http://kube.invalid:6443/api/v1/namespaces/kubeflow HTTP/1.1", Assert.Single(proxy.RequestLines));
    }

    [Fact]
    public void Load_ProxyUrlNotAUrl_NamesTheField()
    {
        var content = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: far
              cluster: {server: "https://k:6443", proxy-url: "ftp://x"}
            contexts:
            - name: far
              context: {cluster: far}
            current-context: far
            """;

        var e = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader(new FakeEnvironment(), TimeProvider.System).Load(new KubeConfigOptions { Content = content }));

        Assert.Contains("clusters[name=far].cluster.proxy-url \"ftp://x\"", e.Message, StringComparison.Ordinal);
    }
}
