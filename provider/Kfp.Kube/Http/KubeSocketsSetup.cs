using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Kfp.Kube.Config;

namespace Kfp.Kube.Http;

/// <summary>
/// Sets up KubernetesClient's socket handler from a config: the cluster CA (or insecure-skip-tls-verify), the TLS
/// server name, the client certificate (asked of the credentials on each handshake, so an exec plugin's new
/// certificate is used) and <c>proxy-url</c>. The library's own CA check accepts a certificate whose name does not
/// match once the chain is trusted, and it ignores <c>proxy-url</c>; so the project keeps this part.
/// </summary>
internal static class KubeSocketsSetup
{
    public static void Configure(SocketsHttpHandler handler, KubeClientConfig config)
    {
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        if (config.ProxyUrl is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        var ssl = handler.SslOptions;
        if (config.InsecureSkipTlsVerify)
        {
            // The user asked for this with insecure-skip-tls-verify in the kubeconfig (client-go does the same).
#pragma warning disable CA5359
            ssl.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (config.CertificateAuthorityPem is { } pem)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(pem);
            ssl.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            ssl.CertificateChainPolicy.CustomTrustStore.AddRange(roots);
        }
        if (!config.InsecureSkipTlsVerify && config.TlsServerName is { Length: > 0 } serverName)
        {
            // SocketsHttpHandler checks the name against the URL host; tls-server-name asks for another name instead.
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) => certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None
                && (certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())).MatchesHostname(serverName);
        }
        var auth = config.Auth;
        ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => auth.ClientCertificate!;
    }
}
