using Kfp.Provider.Protocol.Wire.Rpc;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>A call this process made as a gRPC client (for example Engine/Log) ended with a non-OK status.</summary>
internal sealed class GrpcCallException : Exception
{
    public GrpcCallException(StatusCode statusCode, string message, Status? statusDetails)
        : base($"gRPC status {(int)statusCode} ({statusCode}): {message}")
    {
        StatusCode = statusCode;
        StatusMessage = message;
        StatusDetails = statusDetails;
    }

    public StatusCode StatusCode { get; }

    /// <summary>The decoded <c>grpc-message</c>.</summary>
    public string StatusMessage { get; }

    /// <summary>The decoded <c>grpc-status-details-bin</c> trailer, when the server sent one.</summary>
    public Status? StatusDetails { get; }
}
