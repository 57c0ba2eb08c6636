using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kfp.Provider.Tests.Registry;

/// <summary>A registry that only speaks Basic auth (as some self-hosted ones do), on loopback port 0.</summary>
internal sealed class BasicOnlyRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BasicOnlyRegistry(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>host:port, as a registry server is written.</summary>
    public string Authority { get; }

    public static async Task<BasicOnlyRegistry> StartAsync(string username, string password)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        app.MapGet("/v2/", (HttpContext context) =>
        {
            context.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
            if (context.Request.Headers.Authorization.ToString() == expected)
            {
                return Task.CompletedTask;
            }
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"basic-only\"";
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BasicOnlyRegistry(app, new Uri(address).Authority);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
