using Google.Protobuf;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class GrpcFramingTests
{
    private const int Max = 1024;

    [Fact]
    public void Encode_Message_WritesFlagZeroAndBigEndianLength()
    {
        var message = new PluginInfo { Version = "0.1.0" };

        var frame = GrpcFraming.Encode(message);

        var payload = message.ToByteArray();
        Assert.Equal(new byte[] { 0, 0, 0, 0, (byte)payload.Length }, frame[..5]);
        Assert.Equal(payload, frame[5..]);
    }

    [Fact]
    public async Task ReadSingleAsync_WholeFrame_ReturnsPayload()
    {
        var frame = GrpcFraming.Encode(new PluginInfo { Version = "1.2.3" });

        var payload = await GrpcFraming.ReadSingleAsync(new MemoryStream(frame), Max, CancellationToken.None);

        Assert.Equal("1.2.3", PluginInfo.Parser.ParseFrom(payload).Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ReadSingleAsync_FrameSplitIntoPartialReads_ReturnsPayload(int chunkSize)
    {
        var message = new LogRequest { Message = new string('x', 300), Urn = "urn:pulumi:s::p::kfp:index:Pipeline::p" };
        var frame = GrpcFraming.Encode(message);

        var payload = await GrpcFraming.ReadSingleAsync(new ChunkedStream(frame, chunkSize), Max, CancellationToken.None);

        Assert.Equal(message, LogRequest.Parser.ParseFrom(payload));
    }

    [Fact]
    public async Task ReadSingleAsync_ZeroLengthMessage_ReturnsEmptyPayload()
    {
        var payload = await GrpcFraming.ReadSingleAsync(new MemoryStream([0, 0, 0, 0, 0]), Max, CancellationToken.None);

        Assert.Empty(payload);
    }

    [Fact]
    public async Task ReadSingleAsync_EmptyBody_FailsInternal()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task ReadSingleAsync_TruncatedHeader_FailsInternal()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([0, 0, 0]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("3 of 5 header bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSingleAsync_TruncatedPayload_FailsInternal()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new ChunkedStream([0, 0, 0, 0, 10, 1, 2, 3], 2), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("3 of 10 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSingleAsync_LengthOverLimit_FailsResourceExhaustedBeforeReadingPayload()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([0, 0, 0, 4, 1]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("1025 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSingleAsync_LengthAtLimit_IsAccepted()
    {
        var frame = new byte[5 + Max];
        frame[3] = 4;

        var payload = await GrpcFraming.ReadSingleAsync(new MemoryStream(frame), Max, CancellationToken.None);

        Assert.Equal(Max, payload.Length);
    }

    [Fact]
    public async Task ReadSingleAsync_CompressedFlag_FailsUnimplementedWithClearMessage()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([1, 0, 0, 0, 1, 42]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains("compressed messages are not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSingleAsync_InvalidFlag_FailsInternal()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([2, 0, 0, 0, 0]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task ReadSingleAsync_TwoMessages_FailsInternal()
    {
        var e = await Assert.ThrowsAsync<GrpcStatusException>(
            () => GrpcFraming.ReadSingleAsync(new MemoryStream([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Max, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("more than one message", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessageAsync_CleanEndOfStream_ReturnsNull()
    {
        var stream = new MemoryStream(GrpcFraming.Encode(new PluginInfo()));

        Assert.NotNull(await GrpcFraming.ReadMessageAsync(stream, Max, CancellationToken.None));
        Assert.Null(await GrpcFraming.ReadMessageAsync(stream, Max, CancellationToken.None));
    }
}
