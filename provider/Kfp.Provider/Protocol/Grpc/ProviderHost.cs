using Kfp.Provider.Engine;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A running provider: the engine log, the provider made by the factory, and the gRPC server that serves it
/// (through <see cref="ResourceProviderService"/>) on a loopback port.
/// </summary>
internal sealed class ProviderHost : IAsyncDisposable
{
    private readonly GrpcServer _server;
    private readonly CallCancellation _cancellation;

    private ProviderHost(GrpcServer server, CallCancellation cancellation, EngineLog engineLog, IProvider provider)
    {
        _server = server;
        _cancellation = cancellation;
        EngineLog = engineLog;
        Provider = provider;
    }

    public int Port => _server.Port;

    /// <summary>The blocks Kestrel's connection pipes are built from.</summary>
    public BlockMemoryPool Memory => _server.Memory;

    /// <summary>Completes when calls can be served (the port is open before); faults when the server could not be built.</summary>
    public Task Ready => _server.Ready;

    public IProvider Provider { get; }

    public EngineLog EngineLog { get; }

    public static async Task<ProviderHost> StartAsync(
        Func<IEngineLog, IProvider> providerFactory, string? engineAddress, DiagnosticLog diagnostics, CancellationToken ct)
    {
        var engineLog = new EngineLog(diagnostics);
        var cancellation = new CallCancellation();
        try
        {
            engineLog.SetEngineAddress(engineAddress);
            var provider = providerFactory(engineLog);
            var server = await GrpcServer.StartAsync(
                new ResourceProviderService(provider, engineLog, cancellation, diagnostics), new ResourceProviderMethods(), ct);
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

        EngineLog.Dispose();
        _cancellation.Dispose();
    }
}
