using System.Text.Json.Serialization;

namespace Kfp.Kube.Auth;

/// <summary>The ExecCredential document exchanged with a credential plugin (input spec, output status).</summary>
internal sealed record ExecCredential
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ExecCredentialSpec? Spec { get; init; }

    public ExecCredentialStatus? Status { get; init; }
}

/// <summary>What the plugin is told: whether it may prompt, and optionally the cluster.</summary>
internal sealed record ExecCredentialSpec(bool Interactive, ExecCredentialCluster? Cluster);

/// <summary>The cluster block of <c>KUBERNETES_EXEC_INFO</c> (kebab-case keys like the kubeconfig).</summary>
internal sealed record ExecCredentialCluster(
    string Server,
    [property: JsonPropertyName("tls-server-name")] string? TlsServerName,
    [property: JsonPropertyName("insecure-skip-tls-verify")] bool InsecureSkipTlsVerify,
    [property: JsonPropertyName("certificate-authority-data")] byte[]? CertificateAuthorityData);

/// <summary>The credential a plugin returns: a token, or a client certificate and key (PEM), with an optional expiry.</summary>
internal sealed record ExecCredentialStatus
{
    public string? Token { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKeyData { get; init; }

    public DateTimeOffset? ExpirationTimestamp { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecCredential))]
internal sealed partial class ExecJsonContext : JsonSerializerContext;
