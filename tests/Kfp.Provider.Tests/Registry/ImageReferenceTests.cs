using Kfp.Registry;

namespace Kfp.Provider.Tests.Registry;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("python", "docker.io", "library/python", "latest", null)]
    [InlineData("python:3.12-slim", "docker.io", "library/python", "3.12-slim", null)]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", null)]
    [InlineData("index.docker.io/library/busybox", "docker.io", "library/busybox", "latest", null)]
    [InlineData("ghcr.io/team/trainer:v1", "ghcr.io", "team/trainer", "v1", null)]
    [InlineData("127.0.0.1:5000/team/trainer", "127.0.0.1:5000", "team/trainer", "latest", null)]
    [InlineData("localhost/trainer:dev", "localhost", "trainer", "dev", null)]
    [InlineData("registry.example.com:8443/a/b/c:1.0", "registry.example.com:8443", "a/b/c", "1.0", null)]
    public void Parse_TagForms_SplitsRegistryRepositoryAndTag(string text, string registry, string repository, string tag, string? digest)
    {
        var image = ImageReference.Parse(text);

        Assert.Equal(new ImageReference(registry, repository, tag, digest), image);
    }

    [Fact]
    public void Parse_DigestOnly_HasNoTagAndUsesDigestAsReference()
    {
        var digest = "sha256:" + new string('a', 64);

        var image = ImageReference.Parse($"127.0.0.1:5000/team/trainer@{digest}");

        Assert.Null(image.Tag);
        Assert.Equal(digest, image.Reference);
        Assert.Equal($"127.0.0.1:5000/team/trainer@{digest}", image.ToString());
    }

    [Fact]
    public void Parse_TagAndDigest_KeepsBothAndDigestWins()
    {
        var digest = "sha256:" + new string('b', 64);

        var image = ImageReference.Parse($"ghcr.io/team/trainer:v1@{digest}");

        Assert.Equal("v1", image.Tag);
        Assert.Equal(digest, image.Reference);
    }

    [Fact]
    public void ApiHost_DockerHub_IsRegistryOne()
    {
        Assert.Equal("registry-1.docker.io", ImageReference.Parse("python").ApiHost);
        Assert.Equal("ghcr.io", ImageReference.Parse("ghcr.io/a/b").ApiHost);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Team/Trainer")]
    [InlineData("ghcr.io/team/trainer:")]
    [InlineData("ghcr.io/team/trainer@sha256:xyz")]
    [InlineData("ghcr.io/team trainer")]
    public void Parse_Invalid_ThrowsFormatExceptionQuotingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => ImageReference.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
