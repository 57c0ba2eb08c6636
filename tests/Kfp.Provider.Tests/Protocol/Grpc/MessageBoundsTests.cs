using System.Text;
using Kfp.Provider.Protocol.Grpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class MessageBoundsTests
{
    [Fact]
    public void Cut_TextWithinTheBound_IsUnchanged()
    {
        var text = new string('a', 8 * 1024);

        Assert.Same(text, MessageBounds.Cut(text, 8 * 1024));
    }

    [Fact]
    public void Cut_LongText_FitsAndSaysHowMuchWasCut()
    {
        var text = "start " + new string('x', 70000) + " end";

        var cut = MessageBounds.Cut(text, 8 * 1024);

        Assert.True(Encoding.UTF8.GetByteCount(cut) <= 8 * 1024);
        Assert.StartsWith("start xxx", cut, StringComparison.Ordinal);
        Assert.EndsWith("xxx end", cut, StringComparison.Ordinal);
        var parts = System.Text.RegularExpressions.Regex.Match(cut, @"^(.*) …\((\d+) more characters cut\)… (.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(parts.Success, cut);
        var (head, count, tail) = (parts.Groups[1].Value, int.Parse(parts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), parts.Groups[3].Value);
        Assert.Equal(text.Length, head.Length + count + tail.Length);
        Assert.StartsWith(head, text, StringComparison.Ordinal);
        Assert.EndsWith(tail, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_MultiByteText_CountsBytesAndNeverSplitsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀é", 20000));

        var cut = MessageBounds.Cut(text, 4 * 1024);

        Assert.True(Encoding.UTF8.GetByteCount(cut) <= 4 * 1024);
        var bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(cut);
        Assert.Equal(cut, Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain('\uFFFD', cut);
    }
}
