
namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A running provider: the engine log, the provider made by the factory, and the gRPC server that
/// serves it on a loopback port.
/// </summary>
internal sealed class ProviderHost : IAsyncDisposable
{
    private readonly GrpcServer _server;
    private readonly CallCancellation _cancellation;
    private readonly EngineLog _engineLog;

    private ProviderHost(GrpcServer server, CallCancellation cancellation, EngineLog engineLog, ResourceProviderBase provider)
    {
        _server = server;
        _cancellation = cancellation;
        _engineLog = engineLog;
        Provider = provider;
    }

    public int Port => _server.Port;

    public ResourceProviderBase Provider { get; }

    public EngineLog EngineLog => _engineLog;

    public static async Task<ProviderHost> StartAsync(
        Func<IEngineLog, ResourceProviderBase> providerFactory, string? engineAddress, DiagnosticLog diagnostics, CancellationToken ct)
    {
        var engineLog = new EngineLog(diagnostics);
        var cancellation = new CallCancellation();
        try
        {
            engineLog.SetEngineAddress(engineAddress);
            var provider = providerFactory(engineLog);
            var routes = new ProviderRoutes(provider, engineLog, cancellation, diagnostics);
            var server = await GrpcServer.StartAsync(new GrpcDispatcher(routes.Methods(), cancellation, diagnostics), ct);
            return new ProviderHost(server, cancellation, engineLog, provider);
        }
        catch
        {
            engineLog.Dispose();
            cancellation.Dispose();
            throw;
        }
    }

    /// <summary>Cancels the calls in flight, then stops the server (waiting at most until <paramref name="ct"/>).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _cancellation.CancelAll();
        await _server.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        switch (Provider)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        _engineLog.Dispose();
        _cancellation.Dispose();
    }
}
