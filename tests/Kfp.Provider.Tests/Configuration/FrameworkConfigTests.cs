using Kfp.Provider.Configuration;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Configuration;

/// <summary>The framework settings <c>trustedFrameworks</c> and <c>cacheDir</c> in the forms stack config and explicit providers send.</summary>
public sealed class FrameworkConfigTests
{
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }

    private static ProviderConfig Parse(PropertyValue trusted)
    {
        var (config, failures) = ConfigParser.Parse(PropertyMap.Empty.With("trustedFrameworks", trusted).With("cacheDir", PropertyValue.Of("/srv/kfp-cache")), new NoEnvironment());
        Assert.Empty(failures);
        Assert.Equal("/srv/kfp-cache", config.CacheDir);
        return config;
    }

    [Fact]
    public void Parse_TrustedFrameworks_AcceptsAListJsonTextOrCommaSeparatedText()
    {
        Assert.Equal(["tfx", "team-ml/render"], Parse(PropertyValue.Of(new[] { PropertyValue.Of("tfx"), PropertyValue.Of("team-ml/render") })).TrustedFrameworks.ToArray());
        var digest = "sha256:" + new string('a', 64);
        Assert.Equal(["tfx", digest], Parse(PropertyValue.Of($"[\"tfx\",\"{digest}\"]")).TrustedFrameworks.ToArray());
        Assert.Equal(["tfx", "*"], Parse(PropertyValue.Of(" tfx, *,")).TrustedFrameworks.ToArray());
    }

    [Fact]
    public void Parse_TrustedFrameworksNotAList_FailsOnTheKeySayingTheForm()
    {
        var (_, failures) = ConfigParser.Parse(PropertyMap.Empty.With("trustedFrameworks", PropertyValue.Of("[tfx")), new NoEnvironment());

        var failure = Assert.Single(failures);
        Assert.Equal("trustedFrameworks", failure.Property);
        Assert.Contains("kfp:trustedFrameworks[0]", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrameworkSettings_TrustsNothingAndUsesTheDefaultCache()
    {
        var (config, failures) = ConfigParser.Parse(PropertyMap.Empty, new NoEnvironment());

        Assert.Empty(failures);
        Assert.Empty(config.TrustedFrameworks);
        Assert.Null(config.CacheDir);
    }
}
