using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Reads and writes <see cref="IStructCarrier"/> messages for the service's marshallers: the carried Struct fields go
/// through <see cref="StructCodec"/>, every other field through the generated protobuf code. Protobuf lets a message's
/// fields come in any order, so a request is split into its carried fields and the rest (parsed as usual), and a
/// response is written as its carried fields followed by the rest.
/// </summary>
internal static class StructMessages
{
    /// <summary>Parses a request, reading the Struct fields numbered <paramref name="carried"/> as property maps.</summary>
    public static T Read<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, ReadOnlySpan<int> carried)
        where T : IMessage<T>, IStructCarrier
    {
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> bytes = payload.IsSingleSegment ? payload.FirstSpan : Contiguous(payload, out rented);
            var maps = new List<(int Field, PropertyMap Map)>(carried.Length);
            var rest = new ArrayBufferWriter<byte>(256);
            var reader = new ProtoReader(bytes);
            while (!reader.End)
            {
                var start = reader.Position;
                var (field, type) = reader.Tag();
                if (type == ProtoReader.Delimited && carried.Contains(field))
                {
                    maps.Add((field, StructCodec.Read(reader.ReadDelimited())));
                    continue;
                }
                reader.Skip(type);
                rest.Write(bytes[start..reader.Position]);
            }
            var message = parser.ParseFrom(rest.WrittenSpan);
            foreach (var (field, map) in maps)
            {
                // A field sent twice is merged, as protobuf merges a message field: later keys win.
                message.Structs[field] = message.Structs[field] is { } earlier ? PropertyMap.From(earlier.Concat(map).GroupBy(p => p.Key).Select(g => g.Last())) : map;
            }
            return message;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes a response: its carried property maps as Struct fields, then every other field.</summary>
    public static void Write<T>(T message, SerializationContext context)
        where T : IMessage<T>, IStructCarrier
    {
        var carried = message.Structs.All;
        var parts = new (int Field, StructCodec.Measured Struct)[carried.Count];
        var length = message.CalculateSize();
        for (var i = 0; i < parts.Length; i++)
        {
            var measured = StructCodec.Encode(carried[i].Map);
            parts[i] = (carried[i].Field, measured);
            length += CodedOutputStream.ComputeTagSize(carried[i].Field) + CodedOutputStream.ComputeLengthSize(measured.Length) + measured.Length;
        }
        context.SetPayloadLength(length);
        var writer = context.GetBufferWriter();
        foreach (var (field, measured) in parts)
        {
            var header = writer.GetSpan(20);
            var used = Varint(header, WireFormat.MakeTag(field, WireFormat.WireType.LengthDelimited));
            used += Varint(header[used..], (uint)measured.Length);
            writer.Advance(used);
            var rented = ArrayPool<byte>.Shared.Rent(measured.Length);
            try
            {
                measured.WriteTo(rented);
                writer.Write(rented.AsSpan(0, measured.Length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        message.WriteTo(writer);
        context.Complete();
    }

    private static ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> payload, out byte[] rented)
    {
        rented = ArrayPool<byte>.Shared.Rent(checked((int)payload.Length));
        payload.CopyTo(rented);
        return rented.AsSpan(0, (int)payload.Length);
    }

    private static int Varint(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }
}
