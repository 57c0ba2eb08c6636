using Grpc.Core;
using Grpc.Net.Client;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class EngineLogTests
{
    private readonly StringWriter _stderr = new();

    private DiagnosticLog Diagnostics => new(TextWriter.Synchronized(_stderr));

    [Fact]
    public async Task LogAsync_WithEngineAddress_SendsEveryField()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(engine.Address);

        await log.LogAsync(LogLevel.Warning, "drift in pipeline 'train'", "urn:pulumi:dev::kfp::kfp:index:Pipeline::train", ephemeral: false, CancellationToken.None);

        var sent = await engine.NextLogAsync();
        Assert.Equal(LogSeverity.Warning, sent.Severity);
        Assert.Equal("drift in pipeline 'train'", sent.Message);
        Assert.Equal("urn:pulumi:dev::kfp::kfp:index:Pipeline::train", sent.Urn);
        Assert.False(sent.Ephemeral);
        Assert.Equal(0, sent.StreamId);
    }

    [Fact]
    public async Task LogAsync_NullUrn_SendsEmptyUrn()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(engine.Address);

        await log.LogAsync(LogLevel.Debug, "status", null, ephemeral: true, CancellationToken.None);

        var sent = await engine.NextLogAsync();
        Assert.Equal(string.Empty, sent.Urn);
        Assert.True(sent.Ephemeral);
    }

    [Fact]
    public async Task LogAsync_MessageOf70000Characters_IsCutToTheBound()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(engine.Address);

        await log.LogAsync(LogLevel.Warning, "drift: " + new string('x', 70000) + " (set it back with up)", null, ephemeral: false, CancellationToken.None);

        var sent = await engine.NextLogAsync();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(sent.Message) <= MessageBounds.LogBytes, $"{sent.Message.Length} characters");
        Assert.StartsWith("drift: xxx", sent.Message, StringComparison.Ordinal);
        Assert.EndsWith("(set it back with up)", sent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogAsync_BeforeAnyAddress_IsANoOp()
    {
        using var log = new EngineLog(Diagnostics);

        await log.LogAsync(LogLevel.Error, "nobody listens", null, ephemeral: false, CancellationToken.None);

        Assert.Null(log.Address);
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public async Task LogAsync_EngineAnswersError_DoesNotThrowAndReportsOnStderr()
    {
        await using var engine = await FakeEngine.StartAsync();
        engine.FailWith = StatusCode.InvalidArgument;
        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(engine.Address);

        await log.LogAsync(LogLevel.Info, "lost message", null, ephemeral: false, CancellationToken.None);

        var stderr = _stderr.ToString();
        Assert.Contains("engine refuses logs", stderr, StringComparison.Ordinal);
        Assert.Contains("lost message", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogAsync_EngineUnreachable_DoesNotThrowAndReportsOnStderr()
    {
        string address;
        await using (var engine = await FakeEngine.StartAsync())
        {
            address = engine.Address;
        }

        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(address);

        await log.LogAsync(LogLevel.Info, "into the void", null, ephemeral: false, CancellationToken.None);

        Assert.Contains($"cannot send a Info message to the engine at {address}", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogAsync_CancelledByCaller_DoesNotThrow()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var log = new EngineLog(Diagnostics);
        log.SetEngineAddress(engine.Address);

        await log.LogAsync(LogLevel.Info, "late", null, ephemeral: false, new CancellationToken(canceled: true));

        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public async Task SetEngineAddress_SameAddressTwiceAndBlank_UsesOneClientMadeAtFirstMessage()
    {
        await using var engine = await FakeEngine.StartAsync();
        var created = new List<Uri>();
        using var log = new EngineLog(Diagnostics, uri =>
        {
            created.Add(uri);
            return GrpcChannel.ForAddress(uri);
        });

        log.SetEngineAddress(engine.Address);
        log.SetEngineAddress(engine.Address);
        log.SetEngineAddress(" ");
        log.SetEngineAddress(null);
        Assert.Empty(created);
        await log.LogAsync(LogLevel.Info, "one", null, ephemeral: false, CancellationToken.None);
        await log.LogAsync(LogLevel.Info, "two", null, ephemeral: false, CancellationToken.None);

        Assert.Equal([new Uri($"http://{engine.Address}")], created);
        Assert.Equal(engine.Address, log.Address);
        Assert.Equal("one", (await engine.NextLogAsync()).Message);
        Assert.Equal("two", (await engine.NextLogAsync()).Message);
    }

    [Fact]
    public void SetEngineAddress_Invalid_IsIgnoredWithWarning()
    {
        using var log = new EngineLog(Diagnostics);

        log.SetEngineAddress("not an address:::");

        Assert.Null(log.Address);
        Assert.Contains("invalid engine address", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SetEngineAddress_NewAddress_Replaces()
    {
        using var log = new EngineLog(Diagnostics);

        log.SetEngineAddress("127.0.0.1:5000");
        log.SetEngineAddress("127.0.0.1:6000");

        Assert.Equal("127.0.0.1:6000", log.Address);
    }
}
