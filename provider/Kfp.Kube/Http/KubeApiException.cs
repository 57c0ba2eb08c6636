using System.Net;
using Kfp.Kube.Models;

namespace Kfp.Kube.Http;

/// <summary>
/// A Kubernetes API error, built from the <c>Status</c> body: HTTP <see cref="Code"/>, <see cref="Reason"/>
/// (<c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, ...), message and field causes.
/// </summary>
public sealed class KubeApiException : Exception
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

    public KubeApiException(int code, KubeStatus status, string requestDescription)
        : base(Describe(code, status, requestDescription))
    {
        Code = code;
        Status = status;
        Reason = status.Reason ?? "";
        Causes = status.Details?.Causes ?? [];
    }

    /// <summary>The HTTP status code (also <c>Status.code</c>).</summary>
    public int Code { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Code;

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c>; empty when the server gave none.</summary>
    public string Reason { get; }

    /// <summary>The server's Status body as received.</summary>
    public KubeStatus? Status { get; }

    /// <summary>Field-level causes (validation errors, field manager conflicts).</summary>
    public IReadOnlyList<KubeStatusCause> Causes { get; }

    /// <summary>No HTTP answer at all (connection refused, DNS, TLS handshake); <see cref="Exception.InnerException"/> says why.</summary>
    public bool IsConnectionFailure => Code == 0;

    public bool IsNotFound => Code == 404;

    public bool IsAlreadyExists => Code == 409 && Reason == "AlreadyExists";

    /// <summary>A stale resourceVersion, failed precondition or server-side apply field conflict (409, reason Conflict).</summary>
    public bool IsConflict => Code == 409 && Reason != "AlreadyExists";

    public bool IsInvalid => Code == 422;

    public bool IsUnauthorized => Code == 401;

    private static string Describe(int code, KubeStatus status, string request)
    {
        var message = string.IsNullOrEmpty(status.Message) ? $"HTTP {code}" : status.Message;
        var reason = string.IsNullOrEmpty(status.Reason) ? "" : $" ({status.Reason})";
        return $"Kubernetes API {request} failed{reason}: {message}";
    }
}
