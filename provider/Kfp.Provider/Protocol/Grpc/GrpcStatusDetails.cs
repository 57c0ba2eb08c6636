using Google.Protobuf;
using Kfp.Provider.Protocol.Wire.Rpc;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The <c>grpc-status-details-bin</c> trailer: a serialized <c>google.rpc.Status</c>, base64 without
/// padding (the gRPC convention for <c>-bin</c> metadata; padded input is accepted when decoding).
/// </summary>
internal static class GrpcStatusDetails
{
    public static string Encode(Status status) =>
        Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');

    public static Status Decode(string value)
    {
        var trimmed = value.Trim().TrimEnd('=');
        var padded = trimmed.PadRight(trimmed.Length + ((4 - (trimmed.Length % 4)) % 4), '=');
        return Status.Parser.ParseFrom(Convert.FromBase64String(padded));
    }
}
