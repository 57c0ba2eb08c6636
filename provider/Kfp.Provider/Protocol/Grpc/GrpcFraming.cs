using System.Buffers.Binary;
using Google.Protobuf;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The gRPC length-prefixed message framing: a compressed-flag byte, a 4-byte big-endian length,
/// then the protobuf bytes. Compression is not supported (the flag must be 0).
/// </summary>
internal static class GrpcFraming
{
    public const int HeaderSize = 5;

    /// <summary>Frames one message.</summary>
    public static byte[] Encode(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>
    /// Reads exactly one framed message, then requires the end of the stream (a unary call).
    /// Failures are <see cref="GrpcStatusException"/>s with the code a gRPC server would send.
    /// </summary>
    public static async Task<byte[]> ReadSingleAsync(Stream stream, int maxMessageSize, CancellationToken ct)
    {
        var message = await ReadMessageAsync(stream, maxMessageSize, ct)
            ?? throw new GrpcStatusException(StatusCode.Internal, "the call carries no message (an empty body)");
        var extra = new byte[1];
        if (await stream.ReadAsync(extra, ct) != 0)
        {
            throw new GrpcStatusException(StatusCode.Internal, "a unary call carries more than one message");
        }

        return message;
    }

    /// <summary>Reads the next framed message, or null at a clean end of the stream.</summary>
    public static async Task<byte[]?> ReadMessageAsync(Stream stream, int maxMessageSize, CancellationToken ct)
    {
        var header = new byte[HeaderSize];
        var read = await ReadFullyAsync(stream, header, ct);
        if (read == 0)
        {
            return null;
        }

        if (read < HeaderSize)
        {
            throw new GrpcStatusException(
                StatusCode.Internal, $"truncated message frame: got {read} of {HeaderSize} header bytes");
        }

        CheckCompressedFlag(header[0]);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > (uint)maxMessageSize)
        {
            throw new GrpcStatusException(
                StatusCode.ResourceExhausted,
                $"message of {length} bytes is larger than the limit of {maxMessageSize} bytes");
        }

        var payload = new byte[length];
        read = await ReadFullyAsync(stream, payload, ct);
        if (read < payload.Length)
        {
            throw new GrpcStatusException(
                StatusCode.Internal, $"truncated message: got {read} of {length} bytes");
        }

        return payload;
    }

    private static void CheckCompressedFlag(byte flag)
    {
        switch (flag)
        {
            case 0:
                return;
            case 1:
                throw new GrpcStatusException(
                    StatusCode.Unimplemented,
                    "compressed messages are not supported by this server; send them uncompressed (grpc-encoding identity)");
            default:
                throw new GrpcStatusException(StatusCode.Internal, $"invalid compressed-flag byte {flag} in a message frame");
        }
    }

    private static async Task<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
