using Kfp.Kube.Auth;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

/// <summary>The handler built from a config: cluster CA, TLS server name, insecure-skip-tls-verify, client certificates.</summary>
public sealed class TlsTests(TlsServerFixture server) : IClassFixture<TlsServerFixture>
{
    private static async Task<string?> ClientCertLabelAsync(KubeClientConfig config)
    {
        using var client = new KubeClient(config);
        var ns = await client.Namespaces.GetAsync("kubeflow");
        return ns.Metadata.Labels!["client-cert"];
    }

    [Fact]
    public async Task Send_ClusterCaAndServerName_Succeeds()
    {
        var config = new KubeClientConfig { Server = server.Url, CertificateAuthorityPem = server.CaPem, TlsServerName = "kube.test" };

        Assert.Equal("none", await ClientCertLabelAsync(config));
    }

    [Fact]
    public async Task Send_WithoutClusterCa_FailsTheHandshake()
    {
        var config = new KubeClientConfig { Server = server.Url, TlsServerName = "kube.test" };

        var e = await Assert.ThrowsAsync<KubeConnectionException>(() => ClientCertLabelAsync(config));
        Assert.True(e.IsConnectionFailure);
        Assert.Contains("certificate-authority", e.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task Send_CaButHostNameMismatch_FailsTheHandshake()
    {
        var config = new KubeClientConfig { Server = server.Url, CertificateAuthorityPem = server.CaPem };

        Assert.True((await Assert.ThrowsAsync<KubeConnectionException>(() => ClientCertLabelAsync(config))).IsConnectionFailure);
    }

    [Fact]
    public async Task Send_InsecureSkipTlsVerify_Succeeds()
    {
        var config = new KubeClientConfig { Server = server.Url, InsecureSkipTlsVerify = true };

        Assert.Equal("none", await ClientCertLabelAsync(config));
    }

    [Fact]
    public async Task Send_ClientCertificateFromKubeconfig_IsPresented()
    {
        var loaded = new KubeConfigLoader(new FakeEnvironment(), TimeProvider.System).Load(new KubeConfigOptions { Path = Fixtures.Path("client-cert/config.yaml") });
        var config = loaded with { Server = server.Url, CertificateAuthorityPem = server.CaPem, TlsServerName = "kube.test" };
        Assert.IsType<ClientCertificateAuth>(config.Auth);

        Assert.Equal("kfp-test-client", await ClientCertLabelAsync(config));
    }
}
