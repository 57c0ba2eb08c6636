using System.Net;

namespace Kfp.Api;

/// <summary>
/// A KFP API call failed. <see cref="Exception.Message"/> names the call and the object and says what to do;
/// <see cref="ServerMessage"/> is the server's short message (the nested status of a grpc-gateway error body,
/// or the upload endpoints' <c>error_message</c> or plain text).
/// </summary>
public sealed class KfpApiException : Exception
{
    public KfpApiException(string message)
        : base(message)
    {
        Operation = "";
        Endpoint = "";
        ServerMessage = "";
    }

    public KfpApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "";
        Endpoint = "";
        ServerMessage = "";
    }

    internal KfpApiException(KfpFailure failure, Exception? inner = null)
        : base(failure.Describe(), inner)
    {
        Kind = failure.Kind;
        StatusCode = failure.StatusCode;
        GrpcCode = failure.GrpcCode;
        ServerMessage = failure.ServerMessage;
        Operation = failure.Operation;
        Endpoint = failure.Endpoint;
        Subject = failure.Subject;
        RetryAfter = failure.RetryAfter;
        Attempts = failure.Attempts;
        Elapsed = failure.Elapsed;
        ExistingId = failure.ExistingId;
        ExistingMatches = failure.ExistingMatches;
        Failure = failure;
    }

    /// <summary>The facts this exception was made from (null for the public constructors).</summary>
    internal KfpFailure? Failure { get; }

    public KfpErrorKind Kind { get; }

    /// <summary>HTTP status of the answer; null when there was none (timeout, network).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>gRPC code from the error body, when it had one.</summary>
    public int? GrpcCode { get; }

    /// <summary>The server's short message, or the transport failure's description.</summary>
    public string ServerMessage { get; }

    /// <summary>What was being done, e.g. "create experiment".</summary>
    public string Operation { get; }

    /// <summary>Method and path, e.g. "POST /apis/v2beta1/experiments".</summary>
    public string Endpoint { get; }

    /// <summary>The object concerned, e.g. "experiment 'nightly'"; null for lists.</summary>
    public string? Subject { get; }

    /// <summary>The server's <c>Retry-After</c> (429, 503), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Attempts made before giving up (1 = not retried).</summary>
    public int Attempts { get; } = 1;

    /// <summary>Time the operation ran before this failure (retries and lookups included), when measured.</summary>
    public TimeSpan? Elapsed { get; }

    /// <summary>AlreadyExists on a create: the ID of the object that holds the name, when the client found it.</summary>
    public string? ExistingId { get; }

    /// <summary>AlreadyExists on a create: the existing object (<see cref="ExistingId"/>) is exactly what the create
    /// asked for (same name, namespace, description and definition), so a caller may adopt it.</summary>
    public bool ExistingMatches { get; }

    /// <summary>A KFP "not found" answer (KFP's own error JSON with a 404). A 404 from something that is not the
    /// KFP API is <see cref="KfpErrorKind.NotKfpApi"/>, never this.</summary>
    public bool IsNotFound => Kind == KfpErrorKind.NotFound;

    /// <summary>The server refused the request's content (400 InvalidArgument, FailedPrecondition): fix the inputs.
    /// A 500 is never an input error, even though KFP answers 500 for some invalid inputs.</summary>
    public bool IsInputError => Kind is KfpErrorKind.InvalidArgument or KfpErrorKind.FailedPrecondition;

    /// <summary>401 or 403: the identity (<c>kfp:token</c>, <c>kfp:tokenFile</c>, <c>kfp:headers</c>) is missing or not allowed.</summary>
    public bool IsAuthError => Kind is KfpErrorKind.Unauthenticated or KfpErrorKind.PermissionDenied;

    /// <summary>The configuration points at something that is not a usable KFP API (wrong host, TLS).</summary>
    public bool IsConfigurationError => Kind is KfpErrorKind.NotKfpApi or KfpErrorKind.Tls;

    /// <summary>A write that failed this way may still have been carried out: transient failures and 500s.</summary>
    public bool IsAmbiguousWrite => IsTransient || Kind == KfpErrorKind.Internal
        || (Kind == KfpErrorKind.Unknown && StatusCode is >= HttpStatusCode.InternalServerError);

    public bool IsAlreadyExists => Kind == KfpErrorKind.AlreadyExists;

    /// <summary>True when trying again later may succeed and the server may or may not have carried out the
    /// request (5xx gateway errors, 429, timeouts, dropped connections).</summary>
    public bool IsTransient => Kind is KfpErrorKind.Timeout or KfpErrorKind.Network or KfpErrorKind.Unavailable or KfpErrorKind.RateLimited
        || StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
