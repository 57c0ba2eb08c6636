using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using EngineService = Kfp.Provider.Protocol.Wire.Engine;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>A fake <c>pulumirpc.Engine</c> (the generated service) on a loopback port that records Log calls (or fails them).</summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly Service _service = new();
    private GrpcServer? _server;

    public StatusCode FailWith
    {
        get => _service.FailWith;
        set => _service.FailWith = value;
    }

    public string Address => $"127.0.0.1:{_server!.Port}";

    public static async Task<FakeEngine> StartAsync()
    {
        var engine = new FakeEngine();
        engine._server = await GrpcServer.StartAsync(engine._service, methods: null, CancellationToken.None);
        return engine;
    }

    /// <summary>The next Log request (fails the test after 10 s rather than hanging).</summary>
    public async Task<LogRequest> NextLogAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _service.Logs.Reader.ReadAsync(timeout.Token);
    }

    public bool HasLogs => _service.Logs.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None);
            await _server.DisposeAsync();
        }
    }

    internal sealed class Service : EngineService.EngineBase
    {
        public Channel<LogRequest> Logs { get; } = Channel.CreateUnbounded<LogRequest>();

        public StatusCode FailWith { get; set; } = StatusCode.OK;

        public override async Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            if (FailWith != StatusCode.OK)
            {
                throw new RpcException(new Status(FailWith, "engine refuses logs"));
            }

            await Logs.Writer.WriteAsync(request, context.CancellationToken);
            return new Empty();
        }
    }
}
