using Kfp.Provider.Configuration;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Configuration;

public sealed class ConfigParserTests
{
    private sealed class FakeEnvironment(params (string Name, string Value)[] values) : IEnvironment
    {
        public string? Get(string name) => values.FirstOrDefault(v => v.Name == name).Value;
    }

    [Fact]
    public void Parse_StringValuesFromStackConfig_AreTyped()
    {
        var args = PropertyMap.Empty
            .With("host", PropertyValue.Of("https://kf.example.com/pipeline/"))
            .With("offlineDiff", PropertyValue.Of("true"))
            .With("insecureSkipTlsVerify", PropertyValue.Of(false))
            .With("headers", PropertyValue.MakeSecret(PropertyValue.Of("{\"Cookie\":\"session=abc\"}")))
            .With("token", PropertyValue.MakeSecret(PropertyValue.Of("t0k")));

        var (config, failures) = ConfigParser.Parse(args, new FakeEnvironment());

        Assert.Empty(failures);
        Assert.Equal(new Uri("https://kf.example.com/pipeline"), config.Host);
        Assert.True(config.OfflineDiff);
        Assert.Equal("session=abc", config.Headers["Cookie"]);
        Assert.Equal("t0k", config.Token);
        Assert.DoesNotContain("t0k", config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("session=abc", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingKeys_FallBackToEnvironment()
    {
        var env = new FakeEnvironment(("KFP_HOST", "http://127.0.0.1:8888"), ("KFP_NAMESPACE", "team-a"), ("KFP_TOKEN", "env-token"),
            ("KF_PIPELINES_SA_TOKEN_PATH", "/var/run/token"));

        var (config, failures) = ConfigParser.Parse(PropertyMap.Empty, env);

        Assert.Empty(failures);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("env-token", config.Token);
        Assert.Equal("/var/run/token", config.TokenFile);
        Assert.Equal(8888, config.Host!.Port);
    }

    [Fact]
    public void Parse_ExplicitValueBeatsEnvironment()
    {
        var (config, _) = ConfigParser.Parse(PropertyMap.Empty.With("namespace", PropertyValue.Of("mine")), new FakeEnvironment(("KFP_NAMESPACE", "env")));

        Assert.Equal("mine", config.Namespace);
    }

    [Theory]
    [InlineData("host", "not a url")]
    [InlineData("host", "ftp://x")]
    [InlineData("headers", "{not json")]
    [InlineData("offlineDiff", "maybe")]
    public void Parse_MalformedKey_FailsNamingTheKey(string key, string value)
    {
        var (_, failures) = ConfigParser.Parse(PropertyMap.Empty.With(key, PropertyValue.Of(value)), new FakeEnvironment());

        var failure = Assert.Single(failures);
        Assert.Equal(key, failure.Property);
        if (key == "headers")
        {
            Assert.DoesNotContain(value, failure.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_FailOnBlindPreviewAndTimeouts_ReadFromConfigOrEnvironment()
    {
        var args = PropertyMap.Empty.With("requestTimeoutSeconds", PropertyValue.Of("5")).With("operationTimeoutSeconds", PropertyValue.Of(60));

        var (config, failures) = ConfigParser.Parse(args, new FakeEnvironment(("KFP_FAIL_ON_BLIND_PREVIEW", "1")));
        var (explicitOff, _) = ConfigParser.Parse(PropertyMap.Empty.With("failOnBlindPreview", PropertyValue.Of(false)),
            new FakeEnvironment(("KFP_FAIL_ON_BLIND_PREVIEW", "true")));

        Assert.Empty(failures);
        Assert.True(config.FailOnBlindPreview);
        Assert.False(explicitOff.FailOnBlindPreview);
        Assert.Equal(TimeSpan.FromSeconds(5), config.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), config.OperationTimeout);
    }

    [Theory]
    [InlineData("headers", "{\"X-A\":\"v\\r\\nX-B: injected\"}", "X-A")]
    [InlineData("headers", "{\"bad name\":\"v\"}", "bad name")]
    [InlineData("caCertificate", "MIIB...", "is not a PEM certificate")]
    [InlineData("tokenFile", "/nonexistent/kfp-token", "does not exist; set kfp:tokenFile")]
    [InlineData("kubeconfig", "/nonexistent/kubeconfig", "does not exist; set kfp:kubeconfig")]
    [InlineData("requestTimeoutSeconds", "0", "must be between 1 and 3600")]
    [InlineData("operationTimeoutSeconds", "86401", "must be between 1 and 86400")]
    public void Parse_BadSetting_RefusedNamingTheKey(string key, string value, string reason)
    {
        var (_, failures) = ConfigParser.Parse(PropertyMap.Empty.With(key, PropertyValue.Of(value)), new FakeEnvironment());

        var failure = Assert.Single(failures);
        Assert.Equal(key, failure.Property);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("injected", failure.Reason, StringComparison.Ordinal);
    }
}
