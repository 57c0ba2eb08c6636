namespace Kfp.Emulator.Kube.Protobuf;

/// <summary>A minimal protobuf wire-format reader: tags, varints, length-delimited fields, skipping.</summary>
internal sealed class ProtoReader(byte[] data)
{
    private int _position;

    public bool Next(out int number, out int wire)
    {
        if (_position >= data.Length)
        {
            number = 0;
            wire = 0;
            return false;
        }
        var tag = Varint();
        number = (int)(tag >> 3);
        wire = (int)(tag & 7);
        return true;
    }

    public ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new FormatException("malformed protobuf varint");
    }

    public byte[] Bytes()
    {
        var length = (int)Varint();
        if (length < 0 || _position + length > data.Length)
        {
            throw new FormatException("protobuf length runs past the end of the message");
        }
        var bytes = data.AsSpan(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0: Varint(); break;
            case 1: _position += 8; break;
            case 2: Bytes(); break;
            case 5: _position += 4; break;
            default: throw new FormatException($"unsupported protobuf wire type {wire}");
        }
    }

    private byte Byte() => _position < data.Length ? data[_position++] : throw new FormatException("truncated protobuf message");
}
