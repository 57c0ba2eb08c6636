using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kfp.Api.Tests.Http;

/// <summary>TLS options against a real HTTPS server on loopback with a self-signed certificate.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = SelfSigned();
    private WebApplication? _app;
    private Uri _url = new("https://127.0.0.1");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        _app = builder.Build();
        _app.MapGet("/apis/v2beta1/healthz", () => Results.Text("""{"tag_name":"2.17.0","multi_user":false}""", "application/json"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _url = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _certificate.Dispose();
    }

    private KfpClient Client(Func<KfpClientOptions, KfpClientOptions> configure) =>
        new(configure(new KfpClientOptions { BaseAddress = _url, Retry = KfpRetryPolicy.None }));

    [Fact]
    public async Task GetHealth_CaCertificateGiven_TrustsTheServer()
    {
        using var client = Client(o => o with { CaCertificate = _certificate.ExportCertificatePem() });

        Assert.Equal("2.17.0", (await client.GetHealthAsync(CancellationToken.None)).TagName);
    }

    [Fact]
    public async Task GetHealth_UnknownCertificate_SaysTheCertificateIsUntrusted()
    {
        using var client = Client(o => o);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Tls, e.Kind);
        Assert.Contains("untrusted certificate", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:caCertificate", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("inner exception", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_CertificateForAnotherName_SaysNameMismatch()
    {
        using var other = SelfSigned("other.example");
        await using var server = await StartAsync(other);
        using var client = new KfpClient(new KfpClientOptions
        {
            BaseAddress = server.Url, Retry = KfpRetryPolicy.None, CaCertificate = other.ExportCertificatePem(),
        });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Tls, e.Kind);
        Assert.Contains("name mismatch", e.Message, StringComparison.Ordinal);
        Assert.Contains("other.example", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_HttpsToPlainHttpServer_SaysProtocol()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var plain = builder.Build();
        plain.MapGet("/apis/v2beta1/healthz", () => Results.Text("{}", "application/json"));
        await plain.StartAsync();
        var address = new Uri(plain.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = Client(o => o with { BaseAddress = new UriBuilder(address) { Scheme = "https" }.Uri });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Tls, e.Kind);
        Assert.Contains("protocol", e.Message, StringComparison.Ordinal);
        Assert.Contains("http://", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_OtherCaCertificate_SaysNotSignedByTheConfiguredCa()
    {
        using var other = SelfSigned();
        using var client = Client(o => o with { CaCertificate = other.ExportCertificatePem() });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Tls, e.Kind);
        Assert.Contains("not signed by the CA in kfp:caCertificate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_InsecureSkipTlsVerify_AcceptsAnyCertificate()
    {
        using var client = Client(o => o with { InsecureSkipTlsVerify = true });

        Assert.Equal("2.17.0", (await client.GetHealthAsync(CancellationToken.None)).TagName);
    }

    [Fact]
    public void Create_CaCertificateNotPem_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => Client(o => o with { CaCertificate = "not a certificate" }));

        Assert.Contains("kfp:caCertificate", e.Message, StringComparison.Ordinal);
    }

    private sealed record Server(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Server> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/apis/v2beta1/healthz", () => Results.Text("""{"tag_name":"2.17.0","multi_user":false}""", "application/json"));
        await app.StartAsync();
        return new Server(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    private static X509Certificate2 SelfSigned(string? onlyName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={onlyName ?? "kfp-test"}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        if (onlyName is not null)
        {
            san.AddDnsName(onlyName);
        }
        else
        {
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
        }
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
