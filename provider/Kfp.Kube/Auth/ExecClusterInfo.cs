namespace Kfp.Kube.Auth;

/// <summary>The cluster fields an exec plugin receives when <c>provideClusterInfo</c> is set.</summary>
internal sealed record ExecClusterInfo(string Server, string? TlsServerName, bool InsecureSkipTlsVerify, string? CertificateAuthorityPem);
