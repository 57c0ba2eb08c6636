using System.Security.Cryptography.X509Certificates;

namespace Kfp.Kube.Auth;

/// <summary>A TLS client certificate and key (<c>client-certificate[-data]</c> + <c>client-key[-data]</c>).</summary>
public sealed class ClientCertificateAuth : KubeAuth
{
    public ClientCertificateAuth(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public override string Description => $"client certificate {Certificate.Subject}";

    internal override X509Certificate2? ClientCertificate => Certificate;

    internal override ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
