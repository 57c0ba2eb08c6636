using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>A fake <c>pulumirpc.Engine</c> on a loopback port that records Log calls (or fails them).</summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly Channel<LogRequest> _logs = Channel.CreateUnbounded<LogRequest>();
    private readonly CallCancellation _cancellation = new();
    private GrpcServer? _server;

    public StatusCode FailWith { get; set; } = StatusCode.OK;

    public string Address => $"127.0.0.1:{_server!.Port}";

    public static async Task<FakeEngine> StartAsync()
    {
        var engine = new FakeEngine();
        var log = new UnaryMethod<LogRequest, Empty>(EngineLog.LogPath, LogRequest.Parser, engine.LogAsync);
        var dispatcher = new GrpcDispatcher([log], engine._cancellation, new DiagnosticLog(TextWriter.Null));
        engine._server = await GrpcServer.StartAsync(dispatcher, CancellationToken.None);
        return engine;
    }

    /// <summary>The next Log request (fails the test after 10 s rather than hanging).</summary>
    public async Task<LogRequest> NextLogAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _logs.Reader.ReadAsync(timeout.Token);
    }

    public bool HasLogs => _logs.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None);
            await _server.DisposeAsync();
        }

        _cancellation.Dispose();
    }

    private async Task<Empty> LogAsync(LogRequest request, CancellationToken ct)
    {
        if (FailWith != StatusCode.OK)
        {
            throw new GrpcStatusException(FailWith, "engine refuses logs");
        }

        await _logs.Writer.WriteAsync(request, ct);
        return new Empty();
    }
}
