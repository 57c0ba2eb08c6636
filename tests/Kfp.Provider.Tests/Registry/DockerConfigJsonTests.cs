using System.Text;
using System.Text.Json.Nodes;
using Kfp.Registry;

namespace Kfp.Provider.Tests.Registry;

public sealed class DockerConfigJsonTests
{
    [Fact]
    public void Build_OneRegistry_WritesKubectlFieldsWithBase64Auth()
    {
        var json = DockerConfigJson.Build([new RegistryCredentials("ghcr.io", "robot", "pa:ss") { Email = "ci@example.com" }]);

        Assert.Equal(
            """{"auths":{"ghcr.io":{"auth":"cm9ib3Q6cGE6c3M=","email":"ci@example.com","password":"pa:ss","username":"robot"}}}""",
            json);
        Assert.Equal("robot:pa:ss", Encoding.UTF8.GetString(Convert.FromBase64String("cm9ib3Q6cGE6c3M=")));
    }

    [Fact]
    public void Build_AnyOrder_SameBytesWithServersSorted()
    {
        RegistryCredentials a = new("b.example.com", "u1", "p1");
        RegistryCredentials b = new("a.example.com:5000", "u2", "p2");

        var one = DockerConfigJson.Build([a, b]);
        var two = DockerConfigJson.Build([b, a]);

        Assert.Equal(one, two);
        var auths = JsonNode.Parse(one)!["auths"]!.AsObject();
        Assert.Equal(["a.example.com:5000", "b.example.com"], auths.Select(p => p.Key));
    }

    [Fact]
    public void Build_NoEmail_LeavesEmailOut()
    {
        var json = DockerConfigJson.Build([new RegistryCredentials("ghcr.io", "u", "p")]);

        Assert.DoesNotContain("email", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameServerTwice_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DockerConfigJson.Build([new RegistryCredentials("ghcr.io", "u", "p"), new RegistryCredentials("ghcr.io", "v", "q")]));

        Assert.Contains("'ghcr.io' is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoRegistries_IsEmptyAuths()
    {
        Assert.Equal("""{"auths":{}}""", DockerConfigJson.Build([]));
    }

    [Fact]
    public void CredentialsToString_NeverShowsPassword()
    {
        var text = new RegistryCredentials("ghcr.io", "robot", "hunter2").ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
