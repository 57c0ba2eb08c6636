using System.Text.RegularExpressions;
using Kfp.Provider.Configuration;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Configuration;

/// <summary>The provider configuration's typed record: each key declared once, its fallback and secrecy with it.</summary>
public sealed partial class ProviderConfigArgsTests
{
    private sealed class FakeEnvironment(params (string Name, string Value)[] values) : IEnvironment
    {
        public string? Get(string name) => values.FirstOrDefault(v => v.Name == name).Value;
    }

    [Fact]
    public void Shape_FallbackNamedInADescription_IsTheDeclaredEnvironmentVariable()
    {
        // "Falls back to `KFP_HOST`" in the schema must be what Configure reads; KUBECONFIG is read by the Kubernetes
        // client's own lookup (KUBECONFIG, ~/.kube/config, in-cluster), not by the provider configuration.
        foreach (var spec in ProviderConfigArgs.Shape.Specs.Where(s => s.Name != ConfigKeys.Kubeconfig))
        {
            var named = FallsBackTo().Match(spec.Description) is { Success: true } m ? m.Groups[1].Value : null;
            Assert.True(named == spec.Environment, $"kfp:{spec.Name}: the description names {named ?? "no variable"}, the field falls back to {spec.Environment ?? "none"}");
        }
    }

    [Fact]
    public void Shape_Secrets_AreTokenAndHeaders()
    {
        Assert.Equal(["headers", "token"], ConfigParser.Secrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_EveryDeclaredFallback_IsRead()
    {
        var env = new FakeEnvironment([.. ProviderConfigArgs.Shape.Specs.Where(s => s.Environment is not null).Select(s => (s.Environment!, s.Name switch
        {
            "host" => "http://kfp.example.com:8888",
            "failOnBlindPreview" => "TRUE",
            _ => "from-env",
        }))]);

        var (config, failures) = ConfigParser.Parse(PropertyMap.Empty, env);

        Assert.Empty(failures);
        Assert.Equal(new Uri("http://kfp.example.com:8888"), config.Host);
        Assert.Equal("from-env", config.Namespace);
        Assert.Equal("from-env", config.Token);
        Assert.Equal("from-env", config.TokenFile);
        Assert.True(config.FailOnBlindPreview);
    }

    [Fact]
    public void Parse_UnknownValue_FallsBackToEnvironmentWithoutFailure()
    {
        var args = PropertyMap.Empty.With("host", PropertyValue.Unknown).With("namespace", PropertyValue.Unknown);

        var (config, failures) = ConfigParser.Parse(args, new FakeEnvironment(("KFP_HOST", "https://kf.example.com")));

        Assert.Empty(failures);
        Assert.Equal(new Uri("https://kf.example.com"), config.Host);
        Assert.Null(config.Namespace);
    }

    [Fact]
    public void Parse_WrongTypes_FailAtEachKeyAtOnce()
    {
        var args = PropertyMap.Empty
            .With("namespace", PropertyValue.Of(42))
            .With("offlineDiff", PropertyValue.Of("sometimes"))
            .With("requestTimeoutSeconds", PropertyValue.Of("soon"))
            .With("trustedFrameworks", PropertyValue.Of(PropertyMap.Empty));

        var (_, failures) = ConfigParser.Parse(args, new FakeEnvironment());

        Assert.Equal(["namespace", "offlineDiff", "requestTimeoutSeconds", "trustedFrameworks"], failures.Select(f => f.Property).Order(StringComparer.Ordinal));
        Assert.Contains("expected a string, got the number 42", failures.Single(f => f.Property == "namespace").Reason, StringComparison.Ordinal);
        Assert.Contains("expected a whole number", failures.Single(f => f.Property == "requestTimeoutSeconds").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadersAsAnObject_KeepsNumbersAsTextAndRefusesLists()
    {
        var headers = PropertyMap.Empty.With("X-Port", PropertyValue.Of(8080)).With("Cookie", PropertyValue.Of("a=b"));
        var (config, failures) = ConfigParser.Parse(PropertyMap.Empty.With("headers", PropertyValue.MakeSecret(PropertyValue.Of(headers))), new FakeEnvironment());
        var (_, refused) = ConfigParser.Parse(PropertyMap.Empty.With("headers",
            PropertyValue.Of(PropertyMap.Empty.With("X-A", PropertyValue.Of(new[] { PropertyValue.Of("secret-value") })))), new FakeEnvironment());

        Assert.Empty(failures);
        Assert.Equal("8080", config.Headers["X-Port"]);
        Assert.Equal("a=b", config.Headers["Cookie"]);
        var failure = Assert.Single(refused);
        Assert.Equal("headers", failure.Property);
        Assert.DoesNotContain("secret-value", failure.Reason, StringComparison.Ordinal);
    }

    [GeneratedRegex("Falls back to `([A-Z_]+)`")]
    private static partial Regex FallsBackTo();
}
