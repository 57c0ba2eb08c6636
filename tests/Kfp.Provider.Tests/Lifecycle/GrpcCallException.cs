using Grpc.Core;
using Kfp.Provider.Protocol.Grpc;
using WireStatus = Kfp.Provider.Protocol.Wire.Rpc.Status;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// A failed call as the engine sees it: the status code, the message, and the rich status the engine decodes
/// from the <c>grpc-status-details-bin</c> trailer (partial state lives there). Made from the generated client's
/// <see cref="RpcException"/>.
/// </summary>
internal sealed class GrpcCallException : Exception
{
    private GrpcCallException(RpcException inner, WireStatus? details)
        : base($"the call failed with {inner.StatusCode}: {inner.Status.Detail}", inner)
    {
        StatusCode = inner.StatusCode;
        StatusMessage = inner.Status.Detail;
        StatusDetails = details;
    }

    public StatusCode StatusCode { get; }

    public string StatusMessage { get; }

    public WireStatus? StatusDetails { get; }

    public static GrpcCallException From(RpcException e) =>
        new(e, e.Trailers.GetValueBytes(StatusMap.DetailsTrailer) is { } bytes ? WireStatus.Parser.ParseFrom(bytes) : null);
}
