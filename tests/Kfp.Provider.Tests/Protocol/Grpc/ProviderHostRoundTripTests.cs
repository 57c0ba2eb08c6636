using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Calls, errors and trailers through the host, over HTTP/2 with the generated client.</summary>
public sealed class ProviderHostRoundTripTests : ProviderHostTestBase
{
    private static readonly Marshaller<Empty> EmptyMarshaller = Marshallers.Create(m => Google.Protobuf.MessageExtensions.ToByteArray(m), Empty.Parser.ParseFrom);

    [Fact]
    public async Task GetPluginInfo_ReturnsTheProviderVersion()
    {
        var info = await Call(Client.GetPluginInfoAsync(new Empty()));

        Assert.Equal("9.8.7", info.Version);
    }

    [Fact]
    public async Task RpcsNotOffered_AnswerUnimplementedNamingTheMethod()
    {
        (string Name, Func<Task> Call)[] calls =
        [
            ("Parameterize", () => Call(Client.ParameterizeAsync(new ParameterizeRequest()))),
            ("Call", () => Call(Client.CallAsync(new CallRequest()))),
            ("Construct", () => Call(Client.ConstructAsync(new ConstructRequest()))),
            ("GetMapping", () => Call(Client.GetMappingAsync(new GetMappingRequest()))),
            ("GetMappings", () => Call(Client.GetMappingsAsync(new GetMappingsRequest()))),
        ];
        foreach (var (name, call) in calls)
        {
            var e = await Assert.ThrowsAsync<GrpcCallException>(call);

            Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
            Assert.Contains(name, e.StatusMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pulumirpc.ResourceProvider", "NoSuchMethod")]
    [InlineData("pulumirpc.ResourceProvider", "List")]
    [InlineData("other.Service", "GetPluginInfo")]
    public async Task UnknownPath_AnswersUnimplemented(string service, string method)
    {
        var unary = new Method<Empty, Empty>(MethodType.Unary, service, method, EmptyMarshaller, EmptyMarshaller);

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call(Invoker.AsyncUnaryCall(unary, null, new CallOptions(), new Empty())));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    [Fact]
    public async Task Create_RequestOverTheDefault4MiB_RoundTrips()
    {
        var urn = new string('u', 6 * 1024 * 1024);

        var response = await Call(Client.CreateAsync(new CreateRequest { Urn = urn }));

        Assert.Equal("id-" + urn, response.Id);
    }

    [Fact]
    public async Task LargeCalls_ReuseTheTransportsBlocks()
    {
        var urn = new string('u', 2 * 1024 * 1024);
        await Call(Client.CreateAsync(new CreateRequest { Urn = urn }));
        var free = Host.Memory.FreeBlocks;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("id-" + urn, (await Call(Client.CreateAsync(new CreateRequest { Urn = urn }))).Id);
        }

        // 2 MiB each way held in Kestrel's pipes came from the pool and went back to it, ready for the next call.
        Assert.True(free >= 2 * 1024 * 1024 / BlockMemoryPool.BlockSize, $"{free} free blocks after a 2 MiB call");
        Assert.InRange(Host.Memory.FreeBlocks, free - 16, BlockMemoryPool.MaxRetainedBytes / BlockMemoryPool.BlockSize);
    }

    [Fact]
    public async Task Create_PartialState_ClientDecodesCodeMessageAndErrorResourceInitFailed()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call(Client.CreateAsync(new CreateRequest { Urn = "init-failed" })));

        Assert.Equal(StatusCode.Unknown, e.StatusCode);
        Assert.Equal("pipeline 'train' was created but its version upload failed: 50% done\nretry", e.StatusMessage);
        Assert.NotNull(e.StatusDetails);
        Assert.Equal((int)StatusCode.Unknown, e.StatusDetails.Code);
        Assert.Equal(e.StatusMessage, e.StatusDetails.Message);
        var any = Assert.Single(e.StatusDetails.Details);
        Assert.Equal("type.googleapis.com/pulumirpc.ErrorResourceInitFailed", any.TypeUrl);
        var detail = any.Unpack<ErrorResourceInitFailed>();
        Assert.Equal("p-1", detail.Id);
        Assert.Equal(["upload failed"], detail.Reasons);
        Assert.Equal("p-1", detail.Properties.Fields["pipelineId"].StringValue);
        Assert.Contains("/pulumirpc.ResourceProvider/Create answered Unknown: pipeline 'train'", Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PartialState_TrailersArePercentEncodedWithDetailsInGrpcStatusDetailsBin()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", RawGrpc.Frame(new CreateRequest { Urn = "init-failed" }));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Empty(response.Body);
        Assert.Equal("2", response.Trailers["grpc-status"]);
        Assert.Equal("pipeline 'train' was created but its version upload failed: 50%25 done%0Aretry", response.Trailers["grpc-message"]);
        var details = response.Trailers["grpc-status-details-bin"].TrimEnd('=');
        var status = Kfp.Provider.Protocol.Wire.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=')));
        Assert.Equal("p-1", status.Details.Single().Unpack<ErrorResourceInitFailed>().Id);
    }

    [Fact]
    public async Task GetPluginInfo_Success_HasOkTrailerAndNoMessage()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", RawGrpc.Frame(new Empty()));

        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.False(response.Trailers.ContainsKey("grpc-message"));
        Assert.Equal(RawGrpc.Frame(new PluginInfo { Version = "9.8.7" }), response.Body);
    }

    [Fact]
    public async Task Create_UnexpectedException_AnswersUnknownWithoutStackTraceAndLogsItToStderr()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call(Client.CreateAsync(new CreateRequest { Urn = "boom" })));

        Assert.Equal(StatusCode.Unknown, e.StatusCode);
        Assert.Equal("boom", e.StatusMessage);
        Assert.Null(e.StatusDetails);
        var stderr = Stderr;
        Assert.Contains("System.InvalidOperationException: boom", stderr, StringComparison.Ordinal);
        Assert.Contains(nameof(TestProvider.CreateAsync), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CompressedRequestWithoutEncoding_IsRefused()
    {
        var frame = RawGrpc.Frame(new CreateRequest { Urn = "x" });
        frame[0] = 1;

        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", frame);

        Assert.NotEqual("0", response.Trailers["grpc-status"]);
        Assert.Contains("compress", response.Trailers["grpc-message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_UnparsableRequest_IsRefusedAndTheHostKeepsServing()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/Create", [0, 0, 0, 0, 2, 0x0A, 0x05]);

        Assert.NotEqual("0", response.Trailers["grpc-status"]);
        Assert.Equal("9.8.7", (await Call(Client.GetPluginInfoAsync(new Empty()))).Version);
    }

    [Fact]
    public async Task Post_NonGrpcContentType_Answers415()
    {
        var response = await RawGrpc.PostAsync(Host.Port, "/pulumirpc.ResourceProvider/GetPluginInfo", [], "application/json");

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Create_ErrorOf70000Characters_IsCutToTheBoundAndTheNextCallAnswers()
    {
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => Call(Client.CreateAsync(new CreateRequest { Urn = "long" })));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(e.StatusMessage) <= 8 * 1024, $"{e.StatusMessage.Length} characters");
        Assert.StartsWith("name 'xxx", e.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("more characters cut", e.StatusMessage, StringComparison.Ordinal);
        Assert.EndsWith("is too long; use at most 128 characters", e.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("id-next", (await Call(Client.CreateAsync(new CreateRequest { Urn = "next" }))).Id);
    }
}
