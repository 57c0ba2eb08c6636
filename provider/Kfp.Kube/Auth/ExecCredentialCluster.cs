using System.Text.Json.Serialization;

namespace Kfp.Kube.Auth;

/// <summary>The cluster block of <c>KUBERNETES_EXEC_INFO</c> (kebab-case keys like the kubeconfig).</summary>
internal sealed record ExecCredentialCluster(
    string Server,
    [property: JsonPropertyName("tls-server-name")] string? TlsServerName,
    [property: JsonPropertyName("insecure-skip-tls-verify")] bool InsecureSkipTlsVerify,
    [property: JsonPropertyName("certificate-authority-data")] byte[]? CertificateAuthorityData);
