using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>The host on a real loopback port, called with a real HTTP/2 client.</summary>
public sealed class ProviderHostRoundTripTests : IAsyncLifetime
{
    private readonly StringWriter _stderr = new();
    private ProviderHost _host = null!;
    private GrpcUnaryClient _client = null!;

    private TestProvider Provider => (TestProvider)_host.Provider;

    public async Task InitializeAsync()
    {
        _host = await ProviderHost.StartAsync(log => new TestProvider(log), null, new DiagnosticLog(TextWriter.Synchronized(_stderr)), CancellationToken.None);
        _client = new GrpcUnaryClient(new Uri($"http://127.0.0.1:{_host.Port}"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }

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
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => _client.CallAsync(path, new Empty(), Empty.Parser, CancellationToken.None));

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
    }

    [Fact]
    public async Task Create_StatusExceptionWithDetail_TrailersArePercentEncodedAndUnpadded()
    {
        var response = await RawGrpc.PostAsync(_host.Port, "/pulumirpc.ResourceProvider/Create", GrpcFraming.Encode(new CreateRequest { Urn = "init-failed" }));

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
        var response = await RawGrpc.PostAsync(_host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", GrpcFraming.Encode(new Empty()));

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
        var stderr = _stderr.ToString();
        Assert.Contains("System.InvalidOperationException: boom", stderr, StringComparison.Ordinal);
        Assert.Contains(nameof(TestProvider.CreateAsync), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CompressedRequest_AnswersUnimplemented()
    {
        var frame = GrpcFraming.Encode(new CreateRequest { Urn = "x" });
        frame[0] = 1;

        var response = await RawGrpc.PostAsync(_host.Port, "/pulumirpc.ResourceProvider/Create", frame);

        Assert.Equal("12", response.Trailers["grpc-status"]);
        Assert.Contains("compressed", response.Trailers["grpc-message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnparsableRequest_AnswersInternal()
    {
        var response = await RawGrpc.PostAsync(_host.Port, "/pulumirpc.ResourceProvider/Create", [0, 0, 0, 0, 2, 0x0A, 0x05]);

        Assert.Equal("13", response.Trailers["grpc-status"]);
    }

    [Fact]
    public async Task Post_NonGrpcContentType_Answers415()
    {
        var response = await RawGrpc.PostAsync(_host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", [], "application/json");

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Cancel_CallInFlight_IsCancelledAndLaterCallsSucceed()
    {
        var blocked = Call("Create", new CreateRequest { Urn = "block" }, CreateResponse.Parser);
        await Provider.BlockedCallStarted.Task;

        await Call("Cancel", new Empty(), Empty.Parser);

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => blocked);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        Assert.Equal(1, Provider.CancelHookCalls);
        var later = await Call("Create", new CreateRequest { Urn = "next" }, CreateResponse.Parser);
        Assert.Equal("id-next", later.Id);
    }

    [Fact]
    public async Task Call_ClientGivesUp_CancelsTheProviderToken()
    {
        using var giveUp = new CancellationTokenSource();
        var blocked = _client.CallAsync("/pulumirpc.ResourceProvider/Create", new CreateRequest { Urn = "block" }, CreateResponse.Parser, giveUp.Token);
        await Provider.BlockedCallStarted.Task;

        await giveUp.CancelAsync();

        await Provider.BlockedCallCancelled.Task;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
    }

    [Fact]
    public async Task Handshake_EngineAddress_RoutesProviderLogsToTheEngine()
    {
        await using var engine = await FakeEngine.StartAsync();
        await Call("GetSchema", new GetSchemaRequest(), GetSchemaResponse.Parser);
        Assert.False(engine.HasLogs);

        var handshake = await Assert.ThrowsAsync<GrpcCallException>(
            () => Call("Handshake", new ProviderHandshakeRequest { EngineAddress = engine.Address }, ProviderHandshakeResponse.Parser));
        await Call("GetSchema", new GetSchemaRequest(), GetSchemaResponse.Parser);

        Assert.Equal(StatusCode.Unimplemented, handshake.StatusCode);
        var log = await engine.NextLogAsync();
        Assert.Equal(new LogRequest { Severity = LogSeverity.Info, Message = "schema requested", Urn = "urn:test", Ephemeral = true }, log);
        Assert.Equal(engine.Address, _host.EngineLog.Address);
    }

    [Fact]
    public async Task Attach_Address_AnswersOkAndRoutesProviderLogsToTheEngine()
    {
        await using var engine = await FakeEngine.StartAsync();

        await Call("Attach", new PluginAttach { Address = engine.Address }, Empty.Parser);
        await Call("GetSchema", new GetSchemaRequest(), GetSchemaResponse.Parser);

        Assert.Equal("schema requested", (await engine.NextLogAsync()).Message);
    }

    private Task<TResponse> Call<TResponse>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<TResponse> parser)
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        _client.CallAsync(ProviderRoutes.ServicePrefix + method, request, parser, CancellationToken.None);
}
