using Google.Protobuf;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Fails a gRPC call with a chosen status code, message and optional rich error details
/// (for example <c>ErrorResourceInitFailed</c> or <c>ConfigureErrorMissingKeys</c>), which travel
/// packed in <c>google.protobuf.Any</c> inside the <c>grpc-status-details-bin</c> trailer.
/// </summary>
internal sealed class GrpcStatusException : Exception
{
    public GrpcStatusException(StatusCode code, string message, params IMessage[] details)
        : base(message)
    {
        if (code == StatusCode.OK)
        {
            throw new ArgumentException("A failed call cannot have status OK.", nameof(code));
        }

        StatusCode = code;
        Details = details.ToArray();
    }

    public GrpcStatusException(StatusCode code, string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = code;
        Details = [];
    }

    public StatusCode StatusCode { get; }

    public IReadOnlyList<IMessage> Details { get; }

    public static GrpcStatusException Unimplemented(string method) =>
        new(StatusCode.Unimplemented, $"method {method} is not implemented by this provider");
}
