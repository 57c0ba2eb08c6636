using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using WireStatus = Kfp.Provider.Protocol.Wire.Rpc.Status;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The one place where an exception becomes a gRPC status. Provider errors keep their kind and message; partial
/// state travels as <c>ErrorResourceInitFailed</c> inside a <c>google.rpc.Status</c> in the
/// <c>grpc-status-details-bin</c> trailer (where the engine reads it); cancellation is CANCELLED; anything
/// else is UNKNOWN with its message only. Never a stack trace, and never more than <see cref="MessageBounds"/> allow.
/// </summary>
internal static class StatusMap
{
    public const string DetailsTrailer = "grpc-status-details-bin";

    public static RpcException ToRpcException(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        ProviderException { Partial: { } partial } e => WithPartialState(Code(e.Kind), e.Message, partial),
        ProviderException e => Failure(Code(e.Kind), e.Message),
        OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled")),
        _ => Failure(StatusCode.Unknown, exception.Message),
    };

    /// <summary>True when the exception is a bug or an unexpected failure worth a stack trace on stderr.</summary>
    public static bool IsUnexpected(Exception exception) =>
        exception is not (ProviderException or RpcException or OperationCanceledException);

    public static StatusCode Code(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ProviderErrorKind.NotFound => StatusCode.NotFound,
        ProviderErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ProviderErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static RpcException Failure(StatusCode code, string message) =>
        new(new Status(code, MessageBounds.Cut(message, MessageBounds.ErrorBytes)));

    private static RpcException WithPartialState(StatusCode code, string message, PartialState partial)
    {
        var bounded = MessageBounds.Cut(message, MessageBounds.ErrorBytes);
        var detail = new ErrorResourceInitFailed { Id = partial.Id, Properties = PropertyValueCodec.ToStruct(partial.Outputs) };
        detail.Reasons.AddRange(partial.Reasons.Select(r => MessageBounds.Cut(r, MessageBounds.ErrorBytes)));
        if (partial.Inputs is not null)
        {
            detail.Inputs = PropertyValueCodec.ToStruct(partial.Inputs);
        }
        var status = Details(code, bounded, detail);
        if (status.CalculateSize() > MessageBounds.DetailsBytes)
        {
            // State this large cannot travel in a trailer: keep the ID (the engine keeps the object and the next
            // refresh reads the rest from the cluster) and say so.
            bounded = MessageBounds.Cut(message, MessageBounds.ErrorBytes / 2)
                + " (the partial state was too large to send: run `pulumi refresh` to read it from the cluster)";
            var idOnly = new ErrorResourceInitFailed { Id = partial.Id };
            idOnly.Reasons.Add(MessageBounds.Cut(string.Join("; ", partial.Reasons), MessageBounds.ErrorBytes / 2));
            status = Details(code, bounded, idOnly);
        }
        return new RpcException(new Status(code, bounded), new Metadata { { DetailsTrailer, status.ToByteArray() } });
    }

    private static WireStatus Details(StatusCode code, string message, IMessage detail)
    {
        var status = new WireStatus { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(detail));
        return status;
    }
}
