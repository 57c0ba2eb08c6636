using System.Security.Cryptography;
using Kfp.Compiler.IO;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler.Tests.Sources;

public sealed class SourceContentsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SourceContents _contents = new(new PhysicalFileSystem());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_SameBytesAgain_IsWhatWasReadBefore()
    {
        var file = _folder.Write("pipeline.yaml", new string('a', 300_000));

        var first = _contents.Read(file, CancellationToken.None);
        var second = _contents.Read(file, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(Sha256(file), second.Sha256);
        Assert.Equal(File.ReadAllBytes(file), second.Bytes);
    }

    [Fact]
    public void Read_OneByteChangedInPlace_IsHashedAfresh()
    {
        var file = _folder.Write("pipeline.yaml", new string('a', 300_000));
        var first = _contents.Read(file, CancellationToken.None);
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 150_000;
            stream.WriteByte((byte)'b');
        }

        var second = _contents.Read(file, CancellationToken.None);

        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Equal(Sha256(file), second.Sha256);
        Assert.Equal((byte)'b', second.Bytes[150_000]);
    }

    [Theory]
    [InlineData(299_999)]
    [InlineData(300_001)]
    [InlineData(0)]
    public void Read_FileRewrittenShorterOrLonger_IsReadAfresh(int size)
    {
        var file = _folder.Write("pipeline.yaml", new string('a', 300_000));
        _contents.Read(file, CancellationToken.None);
        File.WriteAllText(file, new string('a', size));

        var content = _contents.Read(file, CancellationToken.None);

        Assert.Equal(size, content.Bytes.Length);
        Assert.Equal(Sha256(file), content.Sha256);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5_000_000)]
    public void Read_AnySize_IsTheFileAndItsHash(int size)
    {
        var file = _folder.Write("source.py", new string('x', size));

        var content = _contents.Read(file, CancellationToken.None);

        Assert.Equal(size, content.Bytes.Length);
        Assert.Equal(Sha256(file), content.Sha256);
    }

    [Fact]
    public void Read_MoreThanTheCapacity_ForgetsOtherFilesButAnswersRight()
    {
        var size = SourceContents.Capacity / 3;
        var files = Enumerable.Range(0, 5).Select(i => _folder.Write($"m{i}.py", new string((char)('a' + i), size))).ToList();
        var huge = _folder.Write("huge.py", new string('h', SourceContents.Capacity + 1));

        foreach (var file in files.Append(huge))
        {
            Assert.Equal(Sha256(file), _contents.Read(file, CancellationToken.None).Sha256);
        }

        Assert.InRange(_contents.RememberedBytes, size, SourceContents.Capacity);
        Assert.Same(_contents.Read(files[^1], CancellationToken.None), _contents.Read(files[^1], CancellationToken.None));
        Assert.Equal(Sha256(huge), _contents.Read(huge, CancellationToken.None).Sha256);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var file = _folder.Write("pipeline.yaml", "a: 1");

        Assert.Throws<OperationCanceledException>(() => _contents.Read(file, new CancellationToken(canceled: true)));
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
