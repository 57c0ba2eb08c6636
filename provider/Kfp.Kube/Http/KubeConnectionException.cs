namespace Kfp.Kube.Http;

/// <summary>No answer from the cluster (refused, DNS, TLS, proxy); <see cref="Exception.InnerException"/> says why.</summary>
public sealed class KubeConnectionException : KubeApiException
{
    public KubeConnectionException()
        : this("cannot reach the Kubernetes API")
    {
    }

    public KubeConnectionException(string message)
        : this(message, null)
    {
    }

    public KubeConnectionException(string message, Exception? innerException)
        : base(0, null, message, innerException)
    {
    }
}
