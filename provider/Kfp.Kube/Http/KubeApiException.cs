using System.Net;
using k8s.Models;

namespace Kfp.Kube.Http;

/// <summary>
/// A Kubernetes API error, built from the <c>Status</c> body: HTTP <see cref="Code"/>, <see cref="Reason"/>
/// (<c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, ...), message and field causes.
/// Subclasses mark what the user must fix outside the resource: <see cref="KubeAuthenticationException"/> (401),
/// <see cref="KubeAuthorizationException"/> (403), <see cref="KubeConnectionException"/> (no answer) and
/// <see cref="KubeUnexpectedResponseException"/> (an answer that is not the Kubernetes API's).
/// </summary>
public class KubeApiException : Exception
{
    public KubeApiException()
        : this("Kubernetes API request failed")
    {
    }

    public KubeApiException(string message)
        : this(message, null)
    {
    }

    public KubeApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = "";
        Causes = [];
    }

    public KubeApiException(int code, V1Status status, string requestDescription)
        : this(code, status, Describe(code, status, requestDescription), null)
    {
    }

    protected KubeApiException(int code, V1Status? status, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
        Status = status;
        Reason = status?.Reason ?? "";
        Causes = status?.Details?.Causes is { } causes ? [.. causes] : [];
    }

    /// <summary>The HTTP status code (also <c>Status.code</c>); 0 when no answer came.</summary>
    public int Code { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Code;

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c>; empty when the server gave none.</summary>
    public string Reason { get; }

    /// <summary>The server's Status body as received (null when the answer was not a Status).</summary>
    public V1Status? Status { get; }

    /// <summary>Field-level causes (validation errors, field manager conflicts).</summary>
    public IReadOnlyList<V1StatusCause> Causes { get; }

    /// <summary>No HTTP answer at all (connection refused, DNS, TLS handshake); <see cref="Exception.InnerException"/> says why.</summary>
    public bool IsConnectionFailure => Code == 0;

    /// <summary>The object does not exist: a 404 whose body is a Kubernetes <c>Status</c> with reason <c>NotFound</c>
    /// (a 404 from something that is not the Kubernetes API is a <see cref="KubeUnexpectedResponseException"/>).</summary>
    public bool IsNotFound => Code == 404 && Reason == "NotFound";

    public bool IsAlreadyExists => Code == 409 && Reason == "AlreadyExists";

    /// <summary>A stale resourceVersion, failed precondition or server-side apply field conflict (409, reason Conflict).</summary>
    public bool IsConflict => Code == 409 && Reason != "AlreadyExists";

    public bool IsInvalid => Code == 422;

    public bool IsUnauthorized => Code == 401;

    public bool IsForbidden => Code == 403;

    /// <summary>Worth trying again later: no answer, 429 or a 5xx.</summary>
    public bool IsTransient => Code is 0 or 429 or >= 500;

    private static string Describe(int code, V1Status status, string request)
    {
        var message = string.IsNullOrEmpty(status.Message) ? $"HTTP {code}" : status.Message;
        var reason = string.IsNullOrEmpty(status.Reason) ? "" : $" ({status.Reason})";
        return $"Kubernetes API {request} failed{reason}: {message}";
    }
}
