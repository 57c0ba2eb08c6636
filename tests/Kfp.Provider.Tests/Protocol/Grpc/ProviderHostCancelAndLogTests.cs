using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Cancellation and the engine address (Handshake, Attach) through the host, over HTTP/2.</summary>
public sealed class ProviderHostCancelAndLogTests : ProviderHostTestBase
{
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
        var blocked = Client.CallAsync("/pulumirpc.ResourceProvider/Create", new CreateRequest { Urn = "block" }, CreateResponse.Parser, giveUp.Token);
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
        Assert.Equal(engine.Address, Host.EngineLog.Address);
    }

    [Fact]
    public async Task Attach_Address_AnswersOkAndRoutesProviderLogsToTheEngine()
    {
        await using var engine = await FakeEngine.StartAsync();

        await Call("Attach", new PluginAttach { Address = engine.Address }, Empty.Parser);
        await Call("GetSchema", new GetSchemaRequest(), GetSchemaResponse.Parser);

        Assert.Equal("schema requested", (await engine.NextLogAsync()).Message);
    }
}
