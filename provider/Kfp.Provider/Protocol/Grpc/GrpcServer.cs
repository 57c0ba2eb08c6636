using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A gRPC server on Kestrel without the generic host (fast start-up): the loopback address, a port
/// chosen by the OS, HTTP/2 cleartext only (prior knowledge), messages up to 400 MiB.
/// </summary>
internal sealed class GrpcServer : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly ServiceProvider _services;

    private GrpcServer(KestrelServer server, ServiceProvider services, int port)
    {
        _server = server;
        _services = services;
        Port = port;
    }

    public int Port { get; }

    public static async Task<GrpcServer> StartAsync(GrpcDispatcher dispatcher, CancellationToken ct)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var options = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
        options.Limits.MaxRequestBodySize = null;
        options.Limits.Http2.MaxStreamsPerConnection = 1000;
        options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(new GrpcHttpApplication(dispatcher), ct);
            return new GrpcServer(server, services, BoundPort(server));
        }
        catch
        {
            server.Dispose();
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops accepting calls and waits (up to <paramref name="ct"/>) for the calls in flight.</summary>
    public Task StopAsync(CancellationToken ct) => _server.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        _server.Dispose();
        await _services.DisposeAsync();
    }

    private static int BoundPort(KestrelServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no server addresses.");
        var address = addresses.Single();
        return new Uri(address).Port;
    }
}
