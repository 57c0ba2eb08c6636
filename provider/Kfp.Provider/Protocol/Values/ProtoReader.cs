namespace Kfp.Provider.Protocol.Values;

/// <summary>A forward-only reader of protobuf's wire format over one message's bytes.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> bytes)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int Delimited = 2;
    public const int Fixed32 = 5;

    /// <summary>Strict UTF-8, as protobuf requires of strings.</summary>
    public static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes = bytes;

    /// <summary>How many bytes have been read.</summary>
    public int Position { get; private set; }

    public readonly bool End => Position >= _bytes.Length;

    public (int Field, int Type) Tag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw Malformed("a varint longer than 10 bytes");
    }

    /// <summary>
    /// Reads on to the next length-delimited field numbered <paramref name="field"/> (a repeated or map field), skipping
    /// every other field; false at the end of the message.
    /// </summary>
    public bool NextDelimited(int field, out ReadOnlySpan<byte> value)
    {
        while (!End)
        {
            var (number, type) = Tag();
            if (number == field && type == Delimited)
            {
                value = ReadDelimited();
                return true;
            }
            Skip(type);
        }
        value = default;
        return false;
    }

    public ulong ReadFixed64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public ReadOnlySpan<byte> ReadDelimited()
    {
        var length = ReadVarint();
        return length > (ulong)(_bytes.Length - Position) ? throw Malformed("a length past the end of the message") : Take((int)length);
    }

    public string ReadString()
    {
        try
        {
            return Utf8.GetString(ReadDelimited());
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Malformed("a string that is not UTF-8");
        }
    }

    /// <summary>Reads past a field's value of wire type <paramref name="type"/>; returns the type.</summary>
    public int Skip(int type)
    {
        switch (type)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Take(8);
                break;
            case Delimited:
                ReadDelimited();
                break;
            case Fixed32:
                Take(4);
                break;
            default:
                throw Malformed($"wire type {type}");
        }
        return type;
    }

    private byte Next() => Position < _bytes.Length ? _bytes[Position++] : throw Malformed("a message cut short");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _bytes.Length - Position)
        {
            throw Malformed("a message cut short");
        }
        var slice = _bytes.Slice(Position, count);
        Position += count;
        return slice;
    }

    private static InvalidDataException Malformed(string what) => new($"malformed protobuf message: {what}");
}
