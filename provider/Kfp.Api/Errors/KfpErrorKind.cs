namespace Kfp.Api;

/// <summary>What went wrong, from the gRPC code of a KFP error body, the HTTP status, or the transport.</summary>
public enum KfpErrorKind
{
    Unknown,
    InvalidArgument,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    Unauthenticated,
    FailedPrecondition,
    Aborted,
    Unimplemented,
    Internal,
    Unavailable,

    /// <summary>No answer within <see cref="KfpClientOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>Connection refused, reset or dropped before an answer.</summary>
    Network,

    /// <summary>HTTP 429 (or gRPC ResourceExhausted): too many requests; see <see cref="KfpApiException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>Something answered, but not the KFP API (a 404 or a page without KFP's error JSON): <c>kfp:host</c> is wrong.</summary>
    NotKfpApi,

    /// <summary>The TLS handshake failed (untrusted certificate, name mismatch, protocol); the message says which.</summary>
    Tls,
}
