using System.Security.Cryptography.X509Certificates;

namespace Kfp.Kube.Auth;

/// <summary>
/// How requests authenticate; one subclass per kubeconfig method. KubernetesClient asks it for the bearer token
/// of each request (<see cref="KubeTokenProvider"/>), the re-authentication handler asks it to refresh once after a
/// 401, and the TLS setup asks it for the client certificate.
/// </summary>
public abstract class KubeAuth
{
    private protected KubeAuth()
    {
    }

    /// <summary>A description without secrets, e.g. <c>token file /path</c>.</summary>
    public abstract string Description { get; }

    /// <summary>The TLS client certificate to present, if this method uses one (may change after a refresh).</summary>
    internal virtual X509Certificate2? ClientCertificate => null;

    /// <summary>The bearer token to send (fetched or refreshed first when needed); null sends none.</summary>
    internal abstract ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops cached credentials after a 401; true when a retry with fresh credentials makes sense.</summary>
    internal virtual ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => Description;
}
