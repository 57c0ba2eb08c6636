using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Wire.Rpc;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>The outcome of a call as it goes on the wire: code, message and rich details.</summary>
internal sealed record RpcStatus(StatusCode Code, string Message, IReadOnlyList<IMessage> Details)
{
    public static RpcStatus Ok { get; } = new(StatusCode.OK, string.Empty, []);

    /// <summary>The <c>google.rpc.Status</c> carried in <c>grpc-status-details-bin</c>.</summary>
    public Status ToProto()
    {
        var status = new Status { Code = (int)Code, Message = Message };
        foreach (var detail in Details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }
}
