using Kfp.Kube.Auth;
using Kfp.Kube.Config;
using Kfp.Kube.Tests.Support;

namespace Kfp.Kube.Tests.Config;

public sealed class KubeConfigLoaderTests
{
    private static readonly FakeTime Clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static KubeClientConfig Load(FakeEnvironment env, KubeConfigOptions? options = null) =>
        new KubeConfigLoader(env, Clock).Load(options);

    private static KubeConfigException LoadFails(FakeEnvironment env, KubeConfigOptions? options = null) =>
        Assert.Throws<KubeConfigException>(() => Load(env, options));

    private static FakeEnvironment KubeconfigList(params string[] files)
    {
        var env = new FakeEnvironment();
        env.Variables["KUBECONFIG"] = string.Join(Path.PathSeparator, files.Select(Fixtures.Path));
        return env;
    }

    [Fact]
    public void Load_KubeconfigList_FirstDefinitionWinsAndFirstCurrentContext()
    {
        var config = Load(KubeconfigList("merge/first.yaml", "merge/second.yaml", "merge/third.yaml"));

        Assert.Equal("b", config.ContextName);
        Assert.Equal(new Uri("https://first.example:6443"), config.Server);
        Assert.True(config.InsecureSkipTlsVerify);
        Assert.Equal("ns-b", config.Namespace);
        Assert.Equal("first-token", Assert.IsType<TokenAuth>(config.Auth).Token);
    }

    [Theory]
    [InlineData(null, "default")]
    [InlineData("kubeflow", "kubeflow")]
    public void Load_ContextWithoutNamespace_UsesTheFallback(string? fallback, string expected)
    {
        const string content = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://k.example:6443"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """;
        var options = fallback is null ? new KubeConfigOptions { Content = content } : new KubeConfigOptions { Content = content, FallbackNamespace = fallback };

        Assert.Equal(expected, Load(new FakeEnvironment(), options).Namespace);
    }

    [Fact]
    public void Load_ContextOverride_UsesFirstFilesDefinitionOfThatContext()
    {
        var config = Load(KubeconfigList("merge/first.yaml", "merge/second.yaml"), new KubeConfigOptions { Context = "a" });

        Assert.Equal("a", config.ContextName);
        Assert.Equal(new Uri("https://first.example:6443"), config.Server);
        Assert.Equal("ns-a", config.Namespace);
    }

    [Fact]
    public void Load_KubeconfigListWithMissingAndDuplicateEntries_SkipsThem()
    {
        var config = Load(KubeconfigList("nope.yaml", "merge/second.yaml", "merge/second.yaml", ""));

        Assert.Equal(new Uri("https://second.example:6443"), config.Server);
        Assert.Equal(Fixtures.Path("merge/second.yaml"), config.Source);
    }

    [Fact]
    public void Load_KubeconfigListAllMissing_SaysWhichFiles()
    {
        var e = LoadFails(KubeconfigList("nope-1.yaml", "nope-2.yaml"));

        Assert.Contains("none of the files listed in KUBECONFIG exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("nope-2.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheKubeconfigFolder()
    {
        var env = new FakeEnvironment { CurrentDirectory = "/" };

        var config = Load(env, new KubeConfigOptions { Path = Fixtures.Path("relative/config") });

        Assert.Contains("BEGIN CERTIFICATE", config.CertificateAuthorityPem, StringComparison.Ordinal);
        var auth = Assert.IsType<TokenFileAuth>(config.Auth);
        Assert.Equal(Fixtures.Path("relative/token.txt"), auth.Path);
        Assert.Equal("relative-token", auth.CurrentToken());
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void Load_MissingContext_NamesItAndListsAvailableContexts()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("missing-context.yaml") });

        Assert.Contains("context \"typo\" is not defined", e.Message, StringComparison.Ordinal);
        Assert.Contains("available contexts: real", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix current-context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingContextOverride_PointsAtTheContextSetting()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("missing-context.yaml"), Context = "other" });

        Assert.Contains("context \"other\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoCurrentContext_AsksForOneAndAllowsOverride()
    {
        var path = Fixtures.Path("no-current-context.yaml");
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = path });
        Assert.Contains("has no current-context", e.Message, StringComparison.Ordinal);

        var config = Load(new FakeEnvironment(), new KubeConfigOptions { Path = path, Context = "one" });
        Assert.Equal("team-one", config.Namespace);
        Assert.IsType<AnonymousAuth>(config.Auth);
    }

    [Fact]
    public void Load_MissingCluster_NamesClusterAndField()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("missing-cluster.yaml") });

        Assert.Contains("cluster \"gone\", which is not defined in clusters[]", e.Message, StringComparison.Ordinal);
        Assert.Contains("contexts[name=ctx].context.cluster", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsecureWithCa_IsRejected()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("insecure-with-ca.yaml") });

        Assert.Contains("clusters[name=c].cluster sets both insecure-skip-tls-verify and a certificate authority", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadCaData_NamesTheFieldAndTheFix()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("bad-ca-data.yaml") });

        Assert.Contains("clusters[name=c].cluster.certificate-authority-data", e.Message, StringComparison.Ordinal);
        Assert.Contains("base64 -w0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HalfClientCertificate_AsksForTheKey()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("half-client-cert.yaml") });

        Assert.Contains("users[name=u].user", e.Message, StringComparison.Ordinal);
        Assert.Contains("add client-key or client-key-data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BasicAuth_ExplainsItWasRemoved()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("basic-auth.yaml") });

        Assert.Contains("users[name=u].user.username/password", e.Message, StringComparison.Ordinal);
        Assert.Contains("1.19", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExecV1WithoutInteractiveMode_AsksForNever()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("exec-v1-no-interactive-mode.yaml") });

        Assert.Contains("users[name=u].user.exec.interactiveMode is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("Never", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClientCertificateFiles_LoadsCertificateWithKey()
    {
        var config = Load(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("client-cert/config.yaml") });

        var auth = Assert.IsType<ClientCertificateAuth>(config.Auth);
        Assert.Equal("CN=kfp-test-client", auth.Certificate.Subject);
        Assert.True(auth.Certificate.HasPrivateKey);
        Assert.Equal("api.cert.example", config.TlsServerName);
        Assert.Equal("certs", config.Namespace);
    }

    [Fact]
    public void Load_InlineContent_ParsesWithoutAFile()
    {
        var content = File.ReadAllText(Fixtures.Path("merge/second.yaml"));

        var config = Load(new FakeEnvironment(), KubeConfigOptions.FromPathOrContent(content, "a"));

        Assert.Equal("inline kubeconfig", config.Source);
        Assert.Equal(new Uri("https://other.example:6443"), config.Server);
        Assert.Equal("u2-token", Assert.IsType<TokenAuth>(config.Auth).Token);
    }

    [Fact]
    public void FromPathOrContent_PathOrContent_TellsThemApart()
    {
        Assert.Equal("/x/config", KubeConfigOptions.FromPathOrContent("/x/config").Path);
        Assert.NotNull(KubeConfigOptions.FromPathOrContent("apiVersion: v1").Content);
        Assert.NotNull(KubeConfigOptions.FromPathOrContent("{\"kind\":\"Config\"}").Content);
        Assert.Null(KubeConfigOptions.FromPathOrContent(null).Path);
    }

    [Fact]
    public void Load_ExplicitPathMissing_SaysHowToFix()
    {
        var e = LoadFails(new FakeEnvironment(), new KubeConfigOptions { Path = Fixtures.Path("absent.yaml") });

        Assert.Contains("absent.yaml does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:kubeconfig", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HomeConfig_UsedWhenNoKubeconfigVariable()
    {
        var config = Load(new FakeEnvironment { HomeDirectory = Fixtures.Path("home") });

        Assert.Equal(new Uri("https://home.example:6443"), config.Server);
    }

    [Fact]
    public void Load_NothingConfigured_ListsTheOptions()
    {
        var e = LoadFails(new FakeEnvironment());

        Assert.Contains("no Kubernetes configuration found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InCluster_UsesServiceAccountFiles()
    {
        var env = new FakeEnvironment();
        env.Variables["KUBERNETES_SERVICE_HOST"] = "fd00::1";
        env.Variables["KUBERNETES_SERVICE_PORT"] = "443";

        var config = Load(env, new KubeConfigOptions { ServiceAccountDirectory = Fixtures.Path("in-cluster") });

        Assert.Equal("https://[fd00::1]/", config.Server.ToString());
        Assert.Equal("kubeflow-user", config.Namespace);
        Assert.Equal("in-cluster", config.Source);
        Assert.Contains("BEGIN CERTIFICATE", config.CertificateAuthorityPem, StringComparison.Ordinal);
        Assert.Equal("in-cluster-token", Assert.IsType<TokenFileAuth>(config.Auth).CurrentToken());
    }

    [Fact]
    public void Load_InClusterWithPodNamespace_PrefersTheVariable()
    {
        var env = new FakeEnvironment();
        env.Variables["KUBERNETES_SERVICE_HOST"] = "10.0.0.1";
        env.Variables["KUBERNETES_SERVICE_PORT"] = "6443";
        env.Variables["POD_NAMESPACE"] = "from-env";

        var config = Load(env, new KubeConfigOptions { ServiceAccountDirectory = Fixtures.Path("in-cluster") });

        Assert.Equal(new Uri("https://10.0.0.1:6443"), config.Server);
        Assert.Equal("from-env", config.Namespace);
    }
}
