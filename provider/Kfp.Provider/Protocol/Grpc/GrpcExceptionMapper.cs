namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The one place where exceptions become gRPC statuses. Never puts a stack trace on the wire.
/// </summary>
internal static class GrpcExceptionMapper
{
    public static RpcStatus ToStatus(Exception exception) => exception switch
    {
        GrpcStatusException status => new RpcStatus(status.StatusCode, status.Message, status.Details),
        OperationCanceledException => new RpcStatus(StatusCode.Cancelled, "the call was cancelled", []),
        _ => new RpcStatus(StatusCode.Unknown, exception.Message, []),
    };

    /// <summary>True when the exception is a bug or an unexpected failure worth a stack trace on stderr.</summary>
    public static bool IsUnexpected(Exception exception) =>
        exception is not GrpcStatusException and not OperationCanceledException;
}
