using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// Large property values remembered with their protobuf bytes, for <see cref="StructCodec"/>. A Pipeline's Check
/// answers its <c>tasks</c> view and Mermaid chart (0.5 MB for 1,600 tasks) and the engine sends the same bytes back
/// as old inputs, state and checked inputs on every Check and Diff; each time they would be decoded into thousands
/// of values and encoded again. Here a value that was read or written once is found again:
/// <list type="bullet">
/// <item>by its instance, when writing (values are immutable records, so the bytes stay right); a string by its
/// <see cref="string"/> instance, since a new <see cref="StringValue"/> is made around the same text each time (the
/// Mermaid chart, 110 KB for 1,600 tasks, is kept as a string);</item>
/// <item>by its bytes, when reading: a 64-bit XXH3 of the bytes finds the candidate and the bytes are compared in
/// full, so a match is exact, never a hash coincidence.</item>
/// </list>
/// Only top-level values of at least <see cref="Threshold"/> bytes are kept, and at most <see cref="CapacityBytes"/> of
/// them by size: when the next would not fit, the table by bytes starts over. The table by instance holds its bytes
/// only as long as something else holds the value. Thread-safe.
/// </summary>
internal static class LargeValues
{
    /// <summary>Smaller values are cheaper to decode than to look up.</summary>
    public const int Threshold = 16 * 1024;

    /// <summary>At most this many bytes of values are findable by their bytes.</summary>
    public const int CapacityBytes = 16 * 1024 * 1024;

    private static readonly ConditionalWeakTable<object, byte[]> ByValue = [];
    private static readonly Dictionary<ulong, (byte[] Bytes, PropertyValue Value)> ByBytes = [];
    private static readonly Lock Gate = new();
    private static long _heldBytes;

    public delegate PropertyValue Decoder(ReadOnlySpan<byte> bytes);

    /// <summary>The bytes <paramref name="value"/> was read from or written as, when it is remembered.</summary>
    public static byte[]? Encoded(PropertyValue value) => ByValue.TryGetValue(Key(value), out var bytes) ? bytes : null;

    /// <summary>The value <paramref name="bytes"/> encode: remembered, or decoded now and remembered.</summary>
    public static PropertyValue Read(ReadOnlySpan<byte> bytes, Decoder decode)
    {
        var hash = XxHash3.HashToUInt64(bytes);
        lock (Gate)
        {
            if (ByBytes.TryGetValue(hash, out var known) && bytes.SequenceEqual(known.Bytes))
            {
                return known.Value;
            }
        }
        var value = decode(bytes);
        Remember(value, bytes, hash);
        return value;
    }

    /// <summary>Remembers that <paramref name="value"/> is encoded as <paramref name="bytes"/> (copied).</summary>
    public static void Remember(PropertyValue value, ReadOnlySpan<byte> bytes) => Remember(value, bytes, XxHash3.HashToUInt64(bytes));

    private static void Remember(PropertyValue value, ReadOnlySpan<byte> bytes, ulong hash)
    {
        var copy = bytes.ToArray();
        ByValue.AddOrUpdate(Key(value), copy);
        lock (Gate)
        {
            if (_heldBytes + copy.Length > CapacityBytes)
            {
                ByBytes.Clear();
                _heldBytes = 0;
            }
            if (ByBytes.TryGetValue(hash, out var previous))
            {
                _heldBytes -= previous.Bytes.Length;
            }
            ByBytes[hash] = (copy, value);
            _heldBytes += copy.Length;
        }
    }

    private static object Key(PropertyValue value) => value is StringValue s ? s.Value : value;
}
