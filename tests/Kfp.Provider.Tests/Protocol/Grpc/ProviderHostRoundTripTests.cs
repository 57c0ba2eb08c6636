using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Calls, errors and trailers through the host, over HTTP/2.</summary>
public sealed class ProviderHostRoundTripTests : ProviderHostTestBase
{
    [Fact]
    public async Task GetPluginInfo_Overridden_ReturnsProviderAnswer()
    {
        var info = await Call("GetPluginInfo", new Empty(), PluginInfo.Parser);

        Assert.Equal("9.8.7", info.Version);
    }

    [Fact]
    public async Task Read_NotOverridden_AnswersUnimplemented()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call("Read", new ReadRequest { Id = "x" }, ReadResponse.Parser));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains("Read", e.StatusMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pulumirpc.ResourceProvider/NoSuchMethod")]
    [InlineData("/pulumirpc.ResourceProvider/List")]
    [InlineData("/other.Service/GetPluginInfo")]
    public async Task UnknownPath_AnswersUnimplemented(string path)
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Client.CallAsync(path, new Empty(), Empty.Parser, CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    [Fact]
    public async Task Create_LargeRequest_RoundTrips()
    {
        var urn = new string('u', 3 * 1024 * 1024);

        var response = await Call("Create", new CreateRequest { Urn = urn }, CreateResponse.Parser);

        Assert.Equal("id-" + urn, response.Id);
    }

    [Fact]
    public async Task Create_StatusExceptionWithDetail_ClientDecodesCodeMessageAndDetail()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call("Create", new CreateRequest { Urn = "init-failed" }, CreateResponse.Parser));

        Assert.Equal(StatusCode.Unknown, e.StatusCode);
        Assert.Equal("pipeline 'train' was created but its version upload failed: 50% done\nretry", e.StatusMessage);
        Assert.NotNull(e.StatusDetails);
        Assert.Equal((int)StatusCode.Unknown, e.StatusDetails.Code);
        Assert.Equal(e.StatusMessage, e.StatusDetails.Message);
        var any = Assert.Single(e.StatusDetails.Details);
        Assert.Equal("type.googleapis.com/pulumirpc.ErrorResourceInitFailed", any.TypeUrl);
        Assert.Equal("p-1", any.Unpack<ErrorResourceInitFailed>().Id);
        Assert.Contains("/pulumirpc.ResourceProvider/Create answered Unknown: pipeline 'train'", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_StatusExceptionWithDetail_TrailersArePercentEncodedAndUnpadded()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", GrpcFraming.Encode(new CreateRequest { Urn = "init-failed" }));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Empty(response.Body);
        Assert.Equal("2", response.Trailers["grpc-status"]);
        Assert.Equal("pipeline 'train' was created but its version upload failed: 50%25 done%0Aretry", response.Trailers["grpc-message"]);
        Assert.DoesNotContain('=', response.Trailers["grpc-status-details-bin"]);
    }

    [Fact]
    public async Task GetPluginInfo_Success_HasOkTrailerAndNoMessage()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", GrpcFraming.Encode(new Empty()));

        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.False(response.Trailers.ContainsKey("grpc-message"));
        Assert.Equal(GrpcFraming.Encode(new PluginInfo { Version = "9.8.7" }), response.Body);
    }

    [Fact]
    public async Task Create_UnexpectedException_AnswersUnknownWithoutStackTraceAndLogsItToStderr()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call("Create", new CreateRequest { Urn = "boom" }, CreateResponse.Parser));

        Assert.Equal(StatusCode.Unknown, e.StatusCode);
        Assert.Equal("boom", e.StatusMessage);
        Assert.Null(e.StatusDetails);
        var stderr = Stderr;
        Assert.Contains("System.InvalidOperationException: boom", stderr, StringComparison.Ordinal);
        Assert.Contains(nameof(TestProvider.CreateAsync), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CompressedRequest_AnswersUnimplemented()
    {
        var frame = GrpcFraming.Encode(new CreateRequest { Urn = "x" });
        frame[0] = 1;

        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", frame);

        Assert.Equal("12", response.Trailers["grpc-status"]);
        Assert.Contains("compressed", response.Trailers["grpc-message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnparsableRequest_AnswersInternal()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", [0, 0, 0, 0, 2, 0x0A, 0x05]);

        Assert.Equal("13", response.Trailers["grpc-status"]);
    }

    [Fact]
    public async Task Post_NonGrpcContentType_Answers415()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", [], "application/json");

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
