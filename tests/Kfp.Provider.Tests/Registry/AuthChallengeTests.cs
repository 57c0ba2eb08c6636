using Kfp.Registry;

namespace Kfp.Provider.Tests.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parse_BearerWithQuotedCommas_ReadsEveryParameter()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\"")!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Parameters["service"]);
        Assert.Equal("repository:a/b:pull,push", challenge.Parameters["scope"]);
    }

    [Fact]
    public void Parse_BasicUnquoted_IsBasic()
    {
        var challenge = AuthChallenge.Parse("Basic realm=Registry")!;

        Assert.True(challenge.IsBasic);
        Assert.Equal("Registry", challenge.Realm);
    }

    [Fact]
    public void Parse_EscapedQuote_KeepsIt()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"a\\\"b\"")!;

        Assert.Equal("a\"b", challenge.Realm);
    }

    [Theory]
    [InlineData("ghcr.io", "ghcr.io")]
    [InlineData("https://index.docker.io/v1/", "registry-1.docker.io")]
    [InlineData("docker.io", "registry-1.docker.io")]
    [InlineData("http://127.0.0.1:5000/", "127.0.0.1:5000")]
    public void RegistryServerApiHost_UserForms_AreNormalised(string server, string host)
    {
        Assert.Equal(host, RegistryServer.ApiHost(server));
    }

    [Fact]
    public void RegistryServerBaseUri_Insecure_IsHttp()
    {
        Assert.Equal("http://127.0.0.1:5000/", RegistryServer.BaseUri("127.0.0.1:5000", insecure: true).ToString());
        Assert.Equal("https://ghcr.io/", RegistryServer.BaseUri("ghcr.io", insecure: false).ToString());
    }
}
