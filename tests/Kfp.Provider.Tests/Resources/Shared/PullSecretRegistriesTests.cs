using System.Text;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Resources;
using Kfp.Registry;

namespace Kfp.Provider.Tests.Resources;

public sealed class PullSecretRegistriesTests
{
    private static PropertyValue Entry(params (string Key, PropertyValue Value)[] fields) =>
        PropertyValue.Of(PropertyMap.From(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private static (IReadOnlyList<RegistryCredentials> Result, Binder Reader) Read(params PropertyValue[] items)
    {
        var reader = new Binder();
        return (PullSecretRegistries.Read(PropertyValue.Of(items), "registries", reader), reader);
    }

    [Fact]
    public void Read_ImageRegistryOutputsPassedWhole_IgnoresTheirExtraKeys()
    {
        var (result, reader) = Read(Entry(
            ("server", PropertyValue.Of("ghcr.io")), ("username", PropertyValue.Of("u")), ("password", PropertyValue.Of("p")),
            ("insecure", PropertyValue.Of(false)), ("verify", PropertyValue.Of(true)), ("dockerConfigJson", PropertyValue.Of("{}"))));

        Assert.Empty(reader.Failures);
        Assert.Equal(new RegistryCredentials("ghcr.io", "u", "p"), Assert.Single(result));
    }

    [Fact]
    public void Read_SameServerTwice_FailsOnSecondItem()
    {
        var (_, reader) = Read(Entry(("server", PropertyValue.Of("ghcr.io"))), Entry(("server", PropertyValue.Of("ghcr.io"))));

        Assert.Contains(reader.Failures, f => f.Property == "registries[1].server" && f.Reason.Contains("listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownServerInPreview_IsNotAFailure()
    {
        var (result, reader) = Read(Entry(("server", PropertyValue.Unknown), ("password", PropertyValue.Unknown)));

        Assert.Empty(reader.Failures);
        Assert.Empty(result);
    }

    [Fact]
    public void Read_NotAList_Fails()
    {
        var reader = new Binder();

        PullSecretRegistries.Read(PropertyValue.Of("ghcr.io"), "registries", reader);

        Assert.Contains(reader.Failures, f => f.Property == "registries");
    }

    [Fact]
    public void FromDockerConfigJson_BuiltCredentials_RoundTrip()
    {
        RegistryCredentials[] credentials = [new("a.example.com", "u", "p:w") { Email = "e@example.com" }, new("b.example.com", null, null)];

        var parsed = PullSecretRegistries.FromDockerConfigJson(Encoding.UTF8.GetBytes(DockerConfigJson.Build(credentials)));

        Assert.Equal(credentials, parsed!.Value);
    }

    [Fact]
    public void FromDockerConfigJson_AuthFieldOnly_DecodesUserAndPassword()
    {
        var json = """{"auths":{"ghcr.io":{"auth":"dXNlcjpwYTpzcw=="}}}""";

        var parsed = PullSecretRegistries.FromDockerConfigJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new RegistryCredentials("ghcr.io", "user", "pa:ss"), Assert.Single(parsed!.Value));
    }

    [Fact]
    public void FromDockerConfigJson_NotDockerConfig_IsNull()
    {
        Assert.Null(PullSecretRegistries.FromDockerConfigJson(Encoding.UTF8.GetBytes("not json")));
        Assert.Null(PullSecretRegistries.FromDockerConfigJson(Encoding.UTF8.GetBytes("""{"other":{}}""")));
        Assert.Null(PullSecretRegistries.FromDockerConfigJson(null));
    }
}
