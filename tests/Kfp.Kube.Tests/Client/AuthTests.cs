using Kfp.Kube.Auth;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Client;

/// <summary>Credentials on the wire against the emulator, which rejects a wrong bearer token with 401.</summary>
public sealed class AuthTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private (KubeClient Client, ExecAuth Auth, FakeTime Clock) ExecClient()
    {
        var clock = new FakeTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var env = new FakeEnvironment { CurrentDirectory = Fixtures.Path("exec") };
        var content = File.ReadAllText(Fixtures.Path("exec/config.yaml")).Replace("SERVER", emu.Host.Endpoints.Kubernetes, StringComparison.Ordinal);
        var config = new KubeConfigLoader(env, clock).Load(new KubeConfigOptions { Content = content });
        return (new KubeClient(config), Assert.IsType<ExecAuth>(config.Auth), clock);
    }

    [Fact]
    public async Task ExecPlugin_ValidToken_RunsOnceAndCachesUntilExpiry()
    {
        var (client, auth, clock) = ExecClient();
        using var _ = client;

        await client.ServiceAccounts.GetAsync("kubeflow", "pipeline-runner");
        await client.ServiceAccounts.GetAsync("kubeflow", "default-editor");
        Assert.Equal(1, auth.Runs);

        clock.Advance(TimeSpan.FromMinutes(2));
        await client.ServiceAccounts.GetAsync("kubeflow", "pipeline-runner");
        Assert.Equal(2, auth.Runs);
    }

    [Fact]
    public async Task ExecPlugin_Unauthorized_RunsAgainAndRetriesOnce()
    {
        var (client, auth, _) = ExecClient();
        using var _ = client;
        await client.Namespaces.GetAsync("kubeflow");
        using var http = emu.Http();
        await Faults.InjectAsync(http, "/api/v1/namespaces/default", 401, 1);

        var ns = await client.Namespaces.GetAsync("default");

        Assert.Equal("default", ns.Metadata.Name);
        Assert.Equal(2, auth.Runs);
    }

    [Fact]
    public async Task Token_Wrong_ThrowsUnauthorized()
    {
        var config = new KubeClientConfig { Server = emu.Host.KubernetesUrl, Auth = new TokenAuth("wrong") };
        using var client = new KubeClient(config);

        var e = await Assert.ThrowsAsync<KubeAuthenticationException>(() => client.Namespaces.GetAsync("kubeflow"));

        Assert.True(e.IsUnauthorized);
        Assert.Equal("Unauthorized", e.Reason);
    }

    [Fact]
    public async Task TokenFile_Rotated_IsReadOnTheNextRequestAndNotBefore()
    {
        var dir = Directory.CreateTempSubdirectory("kube-token-").FullName;
        try
        {
            var kubeconfig = Path.Combine(dir, "config.yaml");
            File.WriteAllText(kubeconfig, File.ReadAllText(Fixtures.Path("token-file/config.yaml")).Replace("SERVER", emu.Host.Endpoints.Kubernetes, StringComparison.Ordinal));
            File.Copy(Fixtures.Path("token-file/token"), Path.Combine(dir, "token"));
            var config = new KubeConfigLoader(new FakeEnvironment(), TimeProvider.System).Load(new KubeConfigOptions { Path = kubeconfig });
            var auth = Assert.IsType<TokenFileAuth>(config.Auth);
            using var client = new KubeClient(config);
            await client.Namespaces.GetAsync("kubeflow");
            await client.Namespaces.GetAsync("kubeflow");
            await client.ConfigMaps.ListAsync("kubeflow");
            var readsWhileUnchanged = auth.Reads;

            File.WriteAllText(Path.Combine(dir, "token"), "rotated-but-wrong");
            var e = await Assert.ThrowsAsync<KubeAuthenticationException>(() => client.Namespaces.GetAsync("kubeflow"));

            Assert.Equal(1, readsWhileUnchanged);
            Assert.True(e.IsUnauthorized);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task TokenFile_RewrittenWithoutAChangeSeen_IsReadAgainAfterA401()
    {
        var dir = Directory.CreateTempSubdirectory("kube-token-").FullName;
        try
        {
            var kubeconfig = Path.Combine(dir, "config.yaml");
            File.WriteAllText(kubeconfig, File.ReadAllText(Fixtures.Path("token-file/config.yaml")).Replace("SERVER", emu.Host.Endpoints.Kubernetes, StringComparison.Ordinal));
            // The same size and modification time before and after: only the 401 tells that the token must be read again.
            var token = Path.Combine(dir, "token");
            var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.WriteAllText(token, "stale-emulator-tok");
            File.SetLastWriteTimeUtc(token, stamp);
            var clock = new FakeTime(DateTimeOffset.UnixEpoch);
            var config = new KubeConfigLoader(new FakeEnvironment(), clock).Load(new KubeConfigOptions { Path = kubeconfig });
            using var client = new KubeClient(config);
            await Assert.ThrowsAsync<KubeAuthenticationException>(() => client.Namespaces.GetAsync("kubeflow"));

            File.WriteAllText(token, "kfp-emulator-token");
            File.SetLastWriteTimeUtc(token, stamp);
            var ns = await client.Namespaces.GetAsync("kubeflow");

            Assert.Equal("kubeflow", ns.Metadata.Name);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ExecPlugin_NotInstalled_ShowsInstallHint()
    {
        var config = new KubeConfigLoader(new FakeEnvironment(), TimeProvider.System).Load(new KubeConfigOptions { Path = Fixtures.Path("exec-missing-command.yaml") });
        using var client = new KubeClient(config);

        var e = await Assert.ThrowsAsync<KubeConfigException>(() => client.Namespaces.GetAsync("kubeflow"));

        Assert.Contains("users[name=u].user.exec.command", e.Message, StringComparison.Ordinal);
        Assert.Contains("Install the plugin with 'make plugin'.", e.Message, StringComparison.Ordinal);
    }
}
