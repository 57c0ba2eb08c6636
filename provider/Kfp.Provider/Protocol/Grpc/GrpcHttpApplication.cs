using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>Kestrel's view of the server: every request goes to the dispatcher (no middleware).</summary>
internal sealed class GrpcHttpApplication : IHttpApplication<HttpContext>
{
    private readonly GrpcDispatcher _dispatcher;

    public GrpcHttpApplication(GrpcDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
    }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => _dispatcher.DispatchAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
