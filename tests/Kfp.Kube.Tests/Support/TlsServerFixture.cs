using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kfp.Kube.Tests.Support;

/// <summary>
/// A tiny HTTPS API server on loopback port 0 with a certificate for <c>kube.test</c> (no IP SAN) from a CA made
/// at start-up. It answers namespace GETs and reports the client certificate subject it saw as a label.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string CaPem { get; private set; } = "";

    public Uri Url { get; private set; } = new("https://127.0.0.1");

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=kfp-tls-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        CaPem = ca.ExportCertificatePem();

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=kube.test", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("kube.test");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(ca, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        var serverCert = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(https =>
        {
            https.ServerCertificate = serverCert;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));
        _app = builder.Build();
        _app.MapGet("/api/v1/namespaces/{name}", async (HttpContext c, string name) =>
        {
            var subject = c.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) ?? "none";
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"NAME","labels":{"client-cert":"SUBJECT"}}}"""
                .Replace("NAME", name, StringComparison.Ordinal).Replace("SUBJECT", subject, StringComparison.Ordinal), Encoding.UTF8);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
