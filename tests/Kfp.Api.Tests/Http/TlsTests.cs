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
    public async Task GetHealth_UnknownCertificate_FailsWithNetworkError()
    {
        using var client = Client(o => o);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Network, e.Kind);
    }

    [Fact]
    public async Task GetHealth_OtherCaCertificate_FailsWithNetworkError()
    {
        using var other = SelfSigned();
        using var client = Client(o => o with { CaCertificate = other.ExportCertificatePem() });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(KfpErrorKind.Network, e.Kind);
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

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kfp-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
