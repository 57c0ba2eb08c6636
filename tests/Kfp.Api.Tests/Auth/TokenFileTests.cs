using Kfp.Auth;

namespace Kfp.Api.Tests.Auth;

/// <summary>The one token-file rule (shared with the Kubernetes client): read when the file changed, and after a 401.</summary>
public sealed class TokenFileTests
{
    private sealed class FakeFile
    {
        public string Text { get; set; } = "first";

        public FileStamp? Stamp { get; set; } = new(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 5);

        public int Reads { get; private set; }

        public TokenFile Open() => new("/var/run/token", _ =>
        {
            Reads++;
            return Text;
        }, _ => Stamp);
    }

    [Fact]
    public void Current_FileUnchanged_IsReadOnce()
    {
        var file = new FakeFile();
        var token = file.Open();

        var values = Enumerable.Range(0, 100).Select(_ => token.Current()).Distinct().ToList();

        Assert.Equal(["first"], values);
        Assert.Equal(1, file.Reads);
        Assert.Equal(1, token.Reads);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Current_ModifiedTimeOrSizeChanged_IsReadAgain(bool timeChanged, bool sizeChanged)
    {
        var file = new FakeFile();
        var token = file.Open();
        token.Current();

        file.Text = "second";
        file.Stamp = new FileStamp(file.Stamp!.ModifiedUtc.AddSeconds(timeChanged ? 1 : 0), sizeChanged ? 6 : 5);

        Assert.Equal("second", token.Current());
        Assert.Equal("second", token.Current());
        Assert.Equal(2, file.Reads);
    }

    [Fact]
    public void RefreshAfterUnauthorized_RewrittenWithTheSameStamp_ReadsAgainAndSaysItChanged()
    {
        var file = new FakeFile();
        var token = file.Open();
        token.Current();
        file.Text = "fresh";

        Assert.Equal("first", token.Current());
        Assert.True(token.RefreshAfterUnauthorized());
        Assert.Equal("fresh", token.Current());
        Assert.Equal(2, file.Reads);
    }

    [Fact]
    public void RefreshAfterUnauthorized_SameToken_SaysNoRetry()
    {
        var file = new FakeFile();
        var token = file.Open();
        token.Current();

        Assert.False(token.RefreshAfterUnauthorized());
        Assert.Equal(2, file.Reads);
    }

    [Fact]
    public void Current_NoStamp_ReadsEveryTime()
    {
        var file = new FakeFile { Stamp = null };
        var token = file.Open();

        token.Current();
        token.Current();

        Assert.Equal(2, file.Reads);
    }

    [Fact]
    public void Current_EmptyFile_IsNoToken()
    {
        var file = new FakeFile { Text = " \n" };

        Assert.Null(file.Open().Current());
    }

    [Fact]
    public void Stamp_SymbolicLink_IsTheTargetsStamp()
    {
        // Kubelet's projected volumes: token -> ..data/token, and ..data is swapped to a new folder on rotation.
        var dir = Directory.CreateTempSubdirectory("token-link-").FullName;
        try
        {
            var first = Directory.CreateDirectory(Path.Combine(dir, "..2024_01"));
            File.WriteAllText(Path.Combine(first.FullName, "token"), "first");
            var data = Path.Combine(dir, "..data");
            Directory.CreateSymbolicLink(data, first.FullName);
            var link = Path.Combine(dir, "token");
            File.CreateSymbolicLink(link, Path.Combine("..data", "token"));
            var token = new TokenFile(link);
            Assert.Equal("first", token.Current());

            var second = Directory.CreateDirectory(Path.Combine(dir, "..2024_02"));
            File.WriteAllText(Path.Combine(second.FullName, "token"), "second-token");
            Directory.Delete(data);
            Directory.CreateSymbolicLink(data, second.FullName);

            Assert.Equal("second-token", token.Current());
            Assert.Equal(2, token.Reads);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
