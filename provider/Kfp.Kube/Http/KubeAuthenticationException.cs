using k8s.Models;

namespace Kfp.Kube.Http;

/// <summary>401: the cluster refused the credentials. Not a problem of any resource: fix <c>kfp:kubeconfig</c> or <c>kfp:context</c>.</summary>
public sealed class KubeAuthenticationException : KubeApiException
{
    public KubeAuthenticationException()
        : this("the Kubernetes API refused the credentials")
    {
    }

    public KubeAuthenticationException(string message)
        : this(message, null)
    {
    }

    public KubeAuthenticationException(string message, Exception? innerException)
        : base(401, null, message, innerException)
    {
    }

    internal KubeAuthenticationException(V1Status? status, string message)
        : base(401, status, message, null)
    {
    }
}
