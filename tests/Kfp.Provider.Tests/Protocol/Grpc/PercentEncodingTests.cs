using Kfp.Provider.Protocol.Grpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class PercentEncodingTests
{
    [Fact]
    public void Encode_PrintableAscii_IsUnchanged()
    {
        const string text = "pipeline 'p' not found: HTTP 404 (see https://example.com/a?b=c)";

        Assert.Equal(text, PercentEncoding.Encode(text));
    }

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("line1\nline2", "line1%0Aline2")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("✓", "%E2%9C%93")]
    [InlineData("\u007F", "%7F")]
    public void Encode_SpecialCharacters_ArePercentEncodedUtf8(string text, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(text));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("50% off\r\nnext line")]
    [InlineData("naïve ✓ 🚀")]
    public void Decode_EncodedText_RoundTrips(string text)
    {
        Assert.Equal(text, PercentEncoding.Decode(PercentEncoding.Encode(text)));
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("%zz")]
    [InlineData("%4")]
    public void Decode_MalformedSequence_IsKeptAsIs(string text)
    {
        Assert.Equal(text, PercentEncoding.Decode(text));
    }

    [Fact]
    public void Decode_LowerCaseHex_IsAccepted()
    {
        Assert.Equal("é", PercentEncoding.Decode("%c3%a9"));
    }
}
