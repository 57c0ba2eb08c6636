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
}
