using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kfp.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kfp.Provider.Tests.Registry;

/// <summary>A server that is not a registry never reads as "no such tag"; a silent one fails within the time limits.</summary>
public sealed class RegistrySafetyTests
{
    private static async Task<WebApplication> StartAsync(int status, string contentType, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return app;
    }

    private static string Authority(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;

    [Fact]
    public async Task ResolveDigest_ServerAnswers404WithoutTheRegistryApi_IsNotARegistryRatherThanNoSuchTag()
    {
        await using var app = await StartAsync(404, "text/html", "<html>Not Found</html>");
        var server = Authority(app);
        using var client = new RegistryClient();

        var e = await Assert.ThrowsAsync<NotARegistryException>(() =>
            client.ResolveDigestAsync(ImageReference.Parse($"{server}/team/trainer:v1"), new RegistryCredentials(server, null, null) { Insecure = true }));

        Assert.Contains(server, e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveDigest_Registry404WithOciErrorBodyButNoHeader_IsNoSuchTag()
    {
        await using var app = await StartAsync(404, "application/json", """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""");
        var server = Authority(app);
        using var client = new RegistryClient();

        await Assert.ThrowsAsync<ManifestNotFoundException>(() =>
            client.ResolveDigestAsync(ImageReference.Parse($"{server}/team/trainer:v1"), new RegistryCredentials(server, null, null) { Insecure = true }));
    }

    [Fact]
    public async Task VerifyLogin_HostAcceptsConnectionsButNeverAnswers_FailsAtTheRequestTimeoutWithTheTime()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptSocketAsync());
            }
        });
        var server = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        using var client = new RegistryClient(new SocketsHttpHandler(), new RegistryClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<RegistryUnreachableException>(() => client.VerifyLoginAsync(new RegistryCredentials(server, null, null) { Insecure = true }));

        Assert.Contains("request timeout of 0.3 s", e.Message, StringComparison.Ordinal);
        Assert.Contains("waited", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        silent.Stop();
        held.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task VerifyLogin_CallerCancels_IsCancellationNotATimeout()
    {
        using var client = new RegistryClient();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.VerifyLoginAsync(new RegistryCredentials("127.0.0.1:1", null, null) { Insecure = true }, cancel.Token));
    }
}
