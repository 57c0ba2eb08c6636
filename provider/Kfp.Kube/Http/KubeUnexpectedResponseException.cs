namespace Kfp.Kube.Http;

/// <summary>
/// An answer that is not the Kubernetes API's (no <c>Status</c> body: a web server, a proxy's page, another API). A
/// 404 of this kind never means "not found": the server URL or context is wrong.
/// </summary>
public sealed class KubeUnexpectedResponseException : KubeApiException
{
    public KubeUnexpectedResponseException()
        : this("the server did not answer like the Kubernetes API")
    {
    }

    public KubeUnexpectedResponseException(string message)
        : this(message, null)
    {
    }

    public KubeUnexpectedResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ContentType = "";
    }

    internal KubeUnexpectedResponseException(int code, string contentType, string message)
        : base(code, null, message, null)
    {
        ContentType = contentType;
    }

    /// <summary>The content type of the answer (empty when none was given).</summary>
    public string ContentType { get; }
}
