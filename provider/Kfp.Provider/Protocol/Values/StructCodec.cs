using System.Buffers.Binary;
using System.Numerics;
using System.Collections.Immutable;
using System.Text;

namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// Reads and writes a <c>google.protobuf.Struct</c> straight between its protobuf bytes and a <see cref="PropertyMap"/>,
/// without building the protobuf object tree in between. Two reasons: the object tree costs as much again as the
/// values (a 0.5 MB Struct took 3 ms to parse into objects and 5 ms to convert), and protobuf's writer computes the
/// size of each nested message once per level above it. Here sizes are computed once, in one pass, and written in a
/// second.
/// <para>
/// Large top-level values (a Pipeline's <c>tasks</c> view and Mermaid chart) are remembered with their bytes
/// (<see cref="LargeValues"/>): writing the same value again copies its bytes, and reading the same bytes again (the
/// engine sends back what Check answered, as old inputs and state) gives the same value without decoding it.
/// </para>
/// <para>Wire format (field numbers of struct.proto): Struct { map&lt;string, Value&gt; fields = 1 }; Value { null_value = 1;
/// number_value = 2; string_value = 3; bool_value = 4; struct_value = 5; list_value = 6 }; ListValue { repeated Value
/// values = 1 }. Unknown fields are skipped, as protobuf does.</para>
/// </summary>
internal static class StructCodec
{
    /// <summary>Protobuf's own recursion limit: deeper input is refused, not followed until the stack runs out.</summary>
    public const int MaxDepth = 100;

    private static readonly UTF8Encoding Utf8 = ProtoReader.Utf8;

    /// <summary>The property map a Struct's bytes encode.</summary>
    public static PropertyMap Read(ReadOnlySpan<byte> structBytes)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        ReadFields(structBytes, builder, depth: 0);
        return new PropertyMap(builder.ToImmutable());
    }

    /// <summary>The Struct bytes of <paramref name="map"/>, exactly sized.</summary>
    public static byte[] Write(PropertyMap map)
    {
        var measured = Encode(map);
        var bytes = new byte[measured.Length];
        measured.WriteTo(bytes);
        return bytes;
    }

    /// <summary>Measures <paramref name="map"/> as a Struct: its length is known before a byte is written.</summary>
    public static Measured Encode(PropertyMap map)
    {
        // Looked up once, so both passes see the same answer while other calls remember values.
        var known = map.Select(p => LargeValues.Encoded(p.Value)).ToArray();
        var sizes = new List<int>();
        return new Measured(map, known, sizes, StructSize(map, sizes, known));
    }

    /// <summary>A Struct measured by <see cref="Encode"/>, ready to be written once.</summary>
    public sealed class Measured
    {
        private readonly PropertyMap _map;
        private readonly byte[]?[] _known;
        private readonly List<int> _sizes;

        internal Measured(PropertyMap map, byte[]?[] known, List<int> sizes, int length)
        {
            _map = map;
            _known = known;
            _sizes = sizes;
            Length = length;
        }

        /// <summary>The Struct's length in bytes.</summary>
        public int Length { get; }

        /// <summary>Writes the Struct's <see cref="Length"/> bytes at the start of <paramref name="destination"/>.</summary>
        public void WriteTo(Span<byte> destination) => new Writer(destination[..Length], _sizes).Struct(_map, _known);
    }

    // ---- reading ----

    private static void ReadFields(ReadOnlySpan<byte> bytes, ImmutableSortedDictionary<string, PropertyValue>.Builder builder, int depth)
    {
        var reader = new ProtoReader(bytes);
        while (reader.NextDelimited(1, out var entryBytes))
        {
            var entry = new ProtoReader(entryBytes);
            var key = "";
            var value = ReadOnlySpan<byte>.Empty;
            var hasValue = false;
            while (!entry.End)
            {
                var (entryField, entryType) = entry.Tag();
                switch (entryField, entryType)
                {
                    case (1, ProtoReader.Delimited):
                        key = entry.ReadString();
                        break;
                    case (2, ProtoReader.Delimited):
                        value = entry.ReadDelimited();
                        hasValue = true;
                        break;
                    default:
                        entry.Skip(entryType);
                        break;
                }
            }
            try
            {
                builder[key] = !hasValue ? PropertyValue.Null
                    : depth == 0 && value.Length >= LargeValues.Threshold ? LargeValues.Read(value, static bytes => ReadValue(bytes, 1))
                    : ReadValue(value, depth + 1);
            }
            catch (PropertyValueException e)
            {
                throw e.Under(key);
            }
        }
    }

    private static PropertyValue ReadValue(ReadOnlySpan<byte> bytes, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"malformed google.protobuf.Struct: values nested more than {MaxDepth} deep");
        }
        var reader = new ProtoReader(bytes);
        PropertyValue result = PropertyValue.Null;
        while (!reader.End)
        {
            var (field, type) = reader.Tag();
            result = (field, type) switch
            {
                (1, ProtoReader.Varint) => Discard(reader.ReadVarint(), PropertyValue.Null),
                (2, ProtoReader.Fixed64) => new NumberValue(BitConverter.Int64BitsToDouble((long)reader.ReadFixed64())),
                (3, ProtoReader.Delimited) => Text(reader.ReadString()),
                (4, ProtoReader.Varint) => new BoolValue(reader.ReadVarint() != 0),
                (5, ProtoReader.Delimited) => ReadObject(reader.ReadDelimited(), depth),
                (6, ProtoReader.Delimited) => ReadList(reader.ReadDelimited(), depth),
                _ => Discard(reader.Skip(type), result),
            };
        }
        return result;
    }

    private static PropertyValue Text(string value) =>
        value.Length == WireSignatures.UnknownString.Length && WireSignatures.Unknowns.Contains(value) ? PropertyValue.Unknown : new StringValue(value);

    private static PropertyValue ReadObject(ReadOnlySpan<byte> bytes, int depth)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        ReadFields(bytes, builder, depth);
        return SpecialValues.Raise(new PropertyMap(builder.ToImmutable()), "");
    }

    private static ArrayValue ReadList(ReadOnlySpan<byte> bytes, int depth)
    {
        var items = ImmutableArray.CreateBuilder<PropertyValue>();
        var reader = new ProtoReader(bytes);
        while (reader.NextDelimited(1, out var item))
        {
            try
            {
                items.Add(ReadValue(item, depth + 1));
            }
            catch (PropertyValueException e)
            {
                throw e.Under(items.Count);
            }
        }
        return new ArrayValue(items.DrainToImmutable());
    }

    private static PropertyValue Discard<T>(T ignored, PropertyValue value) => value;

    // ---- writing: sizes first (one pass, kept in order), then bytes ----

    /// <summary>
    /// The size of a Struct's contents. Appends the sizes the writer needs, in the order it needs them: per entry the
    /// entry's length, the key's, the value's (unless <paramref name="known"/> has its bytes), then the value's own.
    /// </summary>
    private static int StructSize(PropertyMap map, List<int> sizes, byte[]?[]? known)
    {
        var total = 0;
        var index = 0;
        foreach (var (key, value) in map)
        {
            var entrySlot = Reserve(sizes);
            var keyBytes = Utf8.GetByteCount(key);
            sizes.Add(keyBytes);
            int valueBytes;
            if (known?[index++] is { } bytes)
            {
                valueBytes = bytes.Length;
            }
            else
            {
                var slot = Reserve(sizes);
                valueBytes = sizes[slot] = ValueSize(value, sizes);
            }
            total += Field(sizes[entrySlot] = Field(keyBytes) + Field(valueBytes));
        }
        return total;
    }

    private static int ValueSize(PropertyValue value, List<int> sizes)
    {
        switch (value)
        {
            case NullValue or BoolValue:
                return 2;
            case NumberValue:
                return 9;
            case StringValue s:
                return StringField(s.Value, sizes);
            case UnknownValue:
                return StringField(WireSignatures.UnknownString, sizes);
            case ArrayValue a:
            {
                var slot = Reserve(sizes);
                var total = 0;
                foreach (var item in a.Items)
                {
                    var itemSlot = Reserve(sizes);
                    total += Field(sizes[itemSlot] = ValueSize(item, sizes));
                }
                return Field(sizes[slot] = total);
            }
            case ObjectValue o:
                return ObjectSize(o.Map, sizes);
            default:
                return ObjectSize(SpecialValues.Lower(value) ?? throw Unsupported(value), sizes);
        }
    }

    private static int ObjectSize(PropertyMap map, List<int> sizes)
    {
        var slot = Reserve(sizes);
        return Field(sizes[slot] = StructSize(map, sizes, known: null));
    }

    private static int StringField(string value, List<int> sizes)
    {
        var length = Utf8.GetByteCount(value);
        sizes.Add(length);
        return Field(length);
    }

    private static int Reserve(List<int> sizes)
    {
        sizes.Add(0);
        return sizes.Count - 1;
    }

    /// <summary>A length-delimited field of <paramref name="length"/> bytes with a one-byte tag.</summary>
    private static int Field(int length) => 1 + VarintSize((uint)length) + length;

    private static int VarintSize(uint value) => (BitOperations.Log2(value | 1) / 7) + 1;

    private static InvalidOperationException Unsupported(PropertyValue value) => new($"unknown property value type {value.GetType().Name}");

    /// <summary>Writes what the size pass measured, consuming its sizes in the same order.</summary>
    private ref struct Writer(Span<byte> bytes, List<int> sizes)
    {
        private readonly Span<byte> _bytes = bytes;
        private int _position;
        private int _next;

        public void Struct(PropertyMap map, byte[]?[]? known)
        {
            var index = 0;
            foreach (var (key, value) in map)
            {
                var encoded = known?[index++];
                Tag(1, ProtoReader.Delimited, sizes[_next++]);
                Tag(1, ProtoReader.Delimited, sizes[_next++]);
                _position += Utf8.GetBytes(key, _bytes[_position..]);
                if (encoded is not null)
                {
                    Tag(2, ProtoReader.Delimited, encoded.Length);
                    encoded.CopyTo(_bytes[_position..]);
                    _position += encoded.Length;
                    continue;
                }
                var valueBytes = sizes[_next++];
                Tag(2, ProtoReader.Delimited, valueBytes);
                var start = _position;
                Value(value);
                if (known is not null && valueBytes >= LargeValues.Threshold)
                {
                    LargeValues.Remember(value, _bytes[start.._position]);
                }
            }
        }

        private void Value(PropertyValue value)
        {
            switch (value)
            {
                case NullValue:
                    _bytes[_position++] = 1 << 3 | ProtoReader.Varint;
                    _bytes[_position++] = 0;
                    break;
                case BoolValue b:
                    _bytes[_position++] = 4 << 3 | ProtoReader.Varint;
                    _bytes[_position++] = b.Value ? (byte)1 : (byte)0;
                    break;
                case NumberValue n:
                    _bytes[_position++] = 2 << 3 | ProtoReader.Fixed64;
                    BinaryPrimitives.WriteDoubleLittleEndian(_bytes[_position..], n.Value);
                    _position += 8;
                    break;
                case StringValue s:
                    Text(s.Value);
                    break;
                case UnknownValue:
                    Text(WireSignatures.UnknownString);
                    break;
                case ArrayValue a:
                    Tag(6, ProtoReader.Delimited, sizes[_next++]);
                    foreach (var item in a.Items)
                    {
                        Tag(1, ProtoReader.Delimited, sizes[_next++]);
                        Value(item);
                    }
                    break;
                case ObjectValue o:
                    Tag(5, ProtoReader.Delimited, sizes[_next++]);
                    Struct(o.Map, known: null);
                    break;
                default:
                    Tag(5, ProtoReader.Delimited, sizes[_next++]);
                    Struct(SpecialValues.Lower(value)!, known: null);
                    break;
            }
        }

        private void Text(string value)
        {
            Tag(3, ProtoReader.Delimited, sizes[_next++]);
            _position += Utf8.GetBytes(value, _bytes[_position..]);
        }

        private void Tag(int field, int type, int length)
        {
            _bytes[_position++] = (byte)(field << 3 | type);
            var rest = (uint)length;
            while (rest >= 0x80)
            {
                _bytes[_position++] = (byte)(rest | 0x80);
                rest >>= 7;
            }
            _bytes[_position++] = (byte)rest;
        }
    }
}
