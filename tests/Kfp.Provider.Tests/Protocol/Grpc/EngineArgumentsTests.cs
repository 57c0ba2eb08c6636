using Kfp.Provider.Protocol.Grpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class EngineArgumentsTests
{
    [Theory]
    [InlineData("127.0.0.1:4242")]
    [InlineData("--logtostderr -v=9 127.0.0.1:4242")]
    [InlineData("--logflow --tracing http://127.0.0.1:9411 127.0.0.1:4242")]
    [InlineData("--tracing=http://x -v 127.0.0.1:4242")]
    public void TryParse_EngineFlags_AreDroppedAndAddressIsLast(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(EngineArguments.TryParse(args, out var parsed, out var error));

        Assert.Equal("127.0.0.1:4242", parsed.EngineAddress);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--logtostderr -v=3")]
    public void TryParse_NoAddress_IsAttachMode(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(EngineArguments.TryParse(args, out var parsed, out _));

        Assert.Null(parsed.EngineAddress);
    }

    [Fact]
    public void TryParse_TwoPositionalArguments_FailsWithMessage()
    {
        Assert.False(EngineArguments.TryParse(["127.0.0.1:1", "extra"], out _, out var error));

        Assert.Contains("extra", error, StringComparison.Ordinal);
    }
}
