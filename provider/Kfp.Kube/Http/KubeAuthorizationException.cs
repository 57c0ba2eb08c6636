using k8s.Models;

namespace Kfp.Kube.Http;

/// <summary>403: the credentials work but may not do this. <see cref="Verb"/> and <see cref="Namespace"/> say what was refused.</summary>
public sealed class KubeAuthorizationException : KubeApiException
{
    public KubeAuthorizationException()
        : this("the Kubernetes API refused the request")
    {
    }

    public KubeAuthorizationException(string message)
        : this(message, null)
    {
    }

    public KubeAuthorizationException(string message, Exception? innerException)
        : base(403, null, message, innerException)
    {
        Verb = "";
    }

    internal KubeAuthorizationException(V1Status? status, string verb, string? ns, string message)
        : base(403, status, message, null)
    {
        Verb = verb;
        Namespace = ns;
    }

    /// <summary>The RBAC verb refused: get, list, create, update, patch or delete.</summary>
    public string Verb { get; }

    /// <summary>The namespace of the request; null for cluster-scoped objects.</summary>
    public string? Namespace { get; }
}
