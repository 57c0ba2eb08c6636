using System.Security.Cryptography.X509Certificates;

namespace Kfp.Kube.Auth;

/// <summary>
/// How requests authenticate; one subclass per kubeconfig method. The client asks it to decorate each request,
/// to refresh once after a 401, and for the TLS client certificate.
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

    /// <summary>Adds credentials to a request (fetching or refreshing them first when needed).</summary>
    internal abstract ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Drops cached credentials after a 401; true when a retry with fresh credentials makes sense.</summary>
    internal virtual ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => Description;
}
