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
    }

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

    public bool IsNotFound => Kind == KfpErrorKind.NotFound;

    public bool IsAlreadyExists => Kind == KfpErrorKind.AlreadyExists;

    /// <summary>True when the server may or may not have carried out the request (5xx gateway errors,
    /// timeouts, dropped connections).</summary>
    public bool IsTransient => Kind is KfpErrorKind.Timeout or KfpErrorKind.Network or KfpErrorKind.Unavailable
        || StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
