using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Hello world on Kestrel, composed as the plugin composes its server (HTTP/2 on a free loopback port, no generic
// host): it writes the port line and serves "hello" until SIGTERM. Arguments are ignored.
var services = new ServiceCollection().BuildServiceProvider();
var options = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
using var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
await server.StartAsync(new Hello(), CancellationToken.None);
var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.Write(new Uri(address).Port + "\n");
Console.Out.Flush();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

await server.StopAsync(CancellationToken.None);

internal sealed class Hello : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => context.Response.WriteAsync("hello");

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
