using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Kfp.Api.Http;

/// <summary>
/// Builds the HTTP handler for the TLS options: system roots, a custom CA bundle, or skip-verify. Every
/// certificate check records why it refused a certificate in <see cref="TlsDiagnostics"/>.
/// </summary>
internal static class TlsHandlerFactory
{
    public static HttpMessageHandler Create(KfpClientOptions options, TlsDiagnostics diagnostics)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.InsecureSkipTlsVerify)
        {
            // The user asked for it explicitly (kfp:insecureSkipTlsVerify), for test clusters with self-signed certificates.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (options.CaCertificate is { Length: > 0 } pem)
        {
            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new ArgumentException($"kfp:caCertificate is not a valid PEM certificate: {e.Message}", nameof(options), e);
            }
            if (roots.Count == 0)
            {
                throw new ArgumentException("kfp:caCertificate holds no PEM certificate (expected -----BEGIN CERTIFICATE-----).", nameof(options));
            }
            handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                Validate(sender, certificate, errors, roots, diagnostics);
        }
        else
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }
                var host = TlsDiagnostics.HostOf(sender);
                diagnostics.Record(host, TlsDiagnostics.Describe(certificate, chain, errors, host, "a CA this machine trusts (set kfp:caCertificate for a private CA)") ?? errors.ToString());
                return false;
            };
        }
        return handler;
    }

    private static bool Validate(object sender, X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots, TlsDiagnostics diagnostics)
    {
        var host = TlsDiagnostics.HostOf(sender);
        const string trustedBy = "the CA in kfp:caCertificate";
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            diagnostics.Record(host, TlsDiagnostics.Describe(certificate, null, errors, host, trustedBy) ?? errors.ToString());
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        using var leaf = new X509Certificate2(certificate);
        if (chain.Build(leaf))
        {
            return true;
        }
        diagnostics.Record(host, TlsDiagnostics.Describe(certificate, chain, SslPolicyErrors.RemoteCertificateChainErrors, host, trustedBy) ?? "chain not valid");
        return false;
    }
}
