using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kfp.Emulator.Kube;

/// <summary>
/// <c>--kube-tls</c>: a self-signed certificate for 127.0.0.1 and localhost, made at start-up, that the Kubernetes API is
/// served with; the written kubeconfig carries it as <c>certificate-authority-data</c>. client-go (kubectl) sends
/// credentials only over https, so this is how kubectl presents a <c>--token</c> and meets its RBAC.
/// </summary>
internal static class ServingCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kfp-emulator", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        // Re-import so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The certificate as base64 of its PEM, as kubeconfig's <c>certificate-authority-data</c> holds it.</summary>
    public static string AuthorityData(X509Certificate2 certificate) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n"));
}
