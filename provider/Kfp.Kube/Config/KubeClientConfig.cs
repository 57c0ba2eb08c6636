using Kfp.Kube.Auth;

namespace Kfp.Kube.Config;

/// <summary>A resolved connection: server, default namespace, authentication and TLS settings.</summary>
public sealed record KubeClientConfig
{
    public required Uri Server { get; init; }

    /// <summary>The context's namespace, else <c>default</c>.</summary>
    public string Namespace { get; init; } = "default";

    public KubeAuth Auth { get; init; } = new AnonymousAuth();

    /// <summary>PEM bundle of the cluster's CA (from <c>certificate-authority-data</c> or the file); null uses system roots.</summary>
    public string? CertificateAuthorityPem { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Server name for TLS verification when it differs from the URL host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The cluster's <c>proxy-url</c>: every request goes through this proxy (http, https or socks5).</summary>
    public Uri? ProxyUrl { get; init; }

    /// <summary>The context used (null for in-cluster config), for messages.</summary>
    public string? ContextName { get; init; }

    /// <summary>Where the config came from: kubeconfig file paths, "inline kubeconfig" or "in-cluster".</summary>
    public string Source { get; init; } = "";
}
