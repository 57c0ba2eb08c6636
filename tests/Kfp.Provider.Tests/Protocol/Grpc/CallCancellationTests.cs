using Kfp.Provider.Protocol.Grpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class CallCancellationTests
{
    [Fact]
    public void CancelAll_CancelsEarlierTokens_AndLaterTokensStayLive()
    {
        using var cancellation = new CallCancellation();
        var before = cancellation.Token;

        cancellation.CancelAll();
        var after = cancellation.Token;

        Assert.True(before.IsCancellationRequested);
        Assert.False(after.IsCancellationRequested);
    }

    [Fact]
    public void CancelAll_Twice_CancelsTheSecondGeneration()
    {
        using var cancellation = new CallCancellation();
        cancellation.CancelAll();
        var second = cancellation.Token;

        cancellation.CancelAll();

        Assert.True(second.IsCancellationRequested);
        Assert.False(cancellation.Token.IsCancellationRequested);
    }
}
