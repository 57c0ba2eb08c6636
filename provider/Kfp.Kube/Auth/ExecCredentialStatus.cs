namespace Kfp.Kube.Auth;

/// <summary>The credential a plugin returns: a token, or a client certificate and key (PEM), with an optional expiry.</summary>
internal sealed record ExecCredentialStatus
{
    public string? Token { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKeyData { get; init; }

    public DateTimeOffset? ExpirationTimestamp { get; init; }
}
