using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Cancellation, deadlines and the engine address (Handshake, Attach) through the host, over HTTP/2.</summary>
public sealed class ProviderHostCancelAndLogTests : ProviderHostTestBase
{
    [Fact]
    public async Task Cancel_CallInFlight_IsCancelledAndLaterCallsSucceed()
    {
        var blocked = Call(Client.CreateAsync(new CreateRequest { Urn = "block" }));
        await Provider.BlockedCallStarted.Task;

        await Call(Client.CancelAsync(new Empty()));

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => blocked);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        var later = await Call(Client.CreateAsync(new CreateRequest { Urn = "next" }));
        Assert.Equal("id-next", later.Id);
    }

    [Fact]
    public async Task Call_ClientGivesUp_CancelsTheProviderToken()
    {
        using var giveUp = new CancellationTokenSource();
        var blocked = Call(Client.CreateAsync(new CreateRequest { Urn = "block" }, cancellationToken: giveUp.Token));
        await Provider.BlockedCallStarted.Task;

        await giveUp.CancelAsync();

        await Provider.BlockedCallCancelled.Task;
        var e = await Assert.ThrowsAsync<GrpcCallException>(() => blocked);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task Call_DeadlinePasses_CancelsTheProviderTokenAndAnswersDeadlineExceeded()
    {
        var blocked = Call(Client.CreateAsync(new CreateRequest { Urn = "block" }, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        await Provider.BlockedCallStarted.Task;
        await Provider.BlockedCallCancelled.Task;

        var e = await Assert.ThrowsAsync<GrpcCallException>(() => blocked);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
    }

    [Fact]
    public async Task Handshake_EngineAddress_AcceptsSecretsAndRoutesProviderLogsToTheEngine()
    {
        await using var engine = await FakeEngine.StartAsync();
        await Call(Client.InvokeAsync(new InvokeRequest { Tok = "before" }));
        Assert.False(engine.HasLogs);

        var handshake = await Call(Client.HandshakeAsync(new ProviderHandshakeRequest { EngineAddress = engine.Address }));
        await Call(Client.InvokeAsync(new InvokeRequest { Tok = "after" }));

        Assert.True(handshake.AcceptSecrets);
        Assert.True(handshake.AcceptResources);
        var log = await engine.NextLogAsync();
        Assert.Equal(new LogRequest { Severity = LogSeverity.Info, Message = "invoked after", Urn = "urn:test", Ephemeral = true }, log);
        Assert.Equal(engine.Address, Host.EngineLog.Address);
    }

    [Fact]
    public async Task Attach_Address_AnswersOkAndRoutesProviderLogsToTheEngine()
    {
        await using var engine = await FakeEngine.StartAsync();

        await Call(Client.AttachAsync(new PluginAttach { Address = engine.Address }));
        await Call(Client.InvokeAsync(new InvokeRequest { Tok = "attached" }));

        Assert.Equal("invoked attached", (await engine.NextLogAsync()).Message);
    }
}
