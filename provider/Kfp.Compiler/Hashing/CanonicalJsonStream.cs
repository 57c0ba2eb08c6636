using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Hashing;

/// <summary>
/// Writes the exact UTF-8 bytes of <see cref="CanonicalJson.Write"/> (not indented) to a stream through a small buffer,
/// so a 1 MB spec is hashed or stored without building its text. Keys are sorted only where they are not already.
/// </summary>
internal sealed class CanonicalJsonStream : IDisposable
{
    private const int BufferSize = 16 * 1024;
    private readonly Stream _target;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    private readonly bool _sorted;

    private CanonicalJsonStream(Stream target, bool sorted)
    {
        _target = target;
        _sorted = sorted;
    }

    /// <summary>Writes <paramref name="node"/>; <paramref name="sorted"/> says every object's keys are in order already (a normalised document).</summary>
    public static void Write(JsonNode? node, Stream target, bool sorted = false)
    {
        using var writer = new CanonicalJsonStream(target, sorted);
        writer.WriteNode(node);
        writer.Flush();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void WriteNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                WriteObject(obj);
                break;
            case JsonArray array:
                WriteByte((byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        WriteByte((byte)',');
                    }

                    WriteNode(array[i]);
                }

                WriteByte((byte)']');
                break;
            case JsonValue value:
                WriteValue(value);
                break;
            default:
                WriteAscii("null");
                break;
        }
    }

    private void WriteObject(JsonObject obj)
    {
        WriteByte((byte)'{');
        if (_sorted || IsSorted(obj))
        {
            // By index: the object's enumerator is an interface, one allocation per object written.
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                WriteMember(key, value, i == 0);
            }
        }
        else
        {
            var first = true;
            foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteMember(key, value, first);
                first = false;
            }
        }

        WriteByte((byte)'}');
    }

    private void WriteMember(string key, JsonNode? value, bool first)
    {
        if (!first)
        {
            WriteByte((byte)',');
        }

        WriteString(key);
        WriteByte((byte)':');
        WriteNode(value);
    }

    internal static bool IsSorted(JsonObject obj)
    {
        for (var i = 1; i < obj.Count; i++)
        {
            if (string.CompareOrdinal(obj.GetAt(i - 1).Key, obj.GetAt(i).Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void WriteValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                WriteAscii(CanonicalNumber.Format(value));
                break;
            case JsonValueKind.True:
                WriteAscii("true");
                break;
            case JsonValueKind.False:
                WriteAscii("false");
                break;
            default:
                WriteAscii("null");
                break;
        }
    }

    private void WriteString(string text)
    {
        WriteByte((byte)'"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\\' or < ' ')
            {
                WriteText(text.AsSpan(start, i - start));
                WriteAscii(Escape(c));
                start = i + 1;
            }
        }

        WriteText(text.AsSpan(start));
        WriteByte((byte)'"');
    }

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
    };

    private void WriteText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > BufferSize)
        {
            Flush();
            var bytes = Encoding.UTF8.GetBytes(text.ToArray());
            _target.Write(bytes);
            return;
        }

        if (_used + most > BufferSize)
        {
            Flush();
        }

        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void WriteAscii(string text)
    {
        if (_used + text.Length > BufferSize)
        {
            Flush();
        }

        foreach (var c in text)
        {
            _buffer[_used++] = (byte)c;
        }
    }

    private void WriteByte(byte b)
    {
        if (_used == BufferSize)
        {
            Flush();
        }

        _buffer[_used++] = b;
    }

    private void Flush()
    {
        _target.Write(_buffer, 0, _used);
        _used = 0;
    }
}
