using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// Reads JSON text straight into JSON nodes holding plain .NET values (strings, longs), in one pass of
/// <see cref="Utf8JsonReader"/> and without recursion. <c>JsonNode.Parse</c> builds nodes over a JSON document
/// instead, which materialise on first access and decode a string again on every read: for a 1 MB spec that made
/// validation and hashing several times slower. Duplicate keys are an error, as in YAML; numbers that are not
/// 64-bit integers keep their exact text. Keys and short strings are made once per parse and shared: a spec repeats
/// the same few dozen keys and values (<c>parameterType</c>, <c>STRING</c>, <c>componentRef</c>) thousands of times.
/// </summary>
internal static class JsonTreeReader
{
    /// <summary>The same nesting limit as <c>JsonNode.Parse</c>.</summary>
    private const int MaxDepth = 64;

    /// <summary>Longest string shared (in UTF-8 bytes); longer ones are rarely repeated.</summary>
    private const int MaxShared = 32;

    /// <summary>Most distinct strings shared per parse, so a spec of unique names does not grow the table without end.</summary>
    private const int MaxSharedCount = 2048;

    /// <summary>Parses one JSON value; throws <see cref="JsonException"/> (with line and position) when the text is not JSON.</summary>
    public static JsonNode? Parse(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses one JSON value from UTF-8 text; throws <see cref="JsonException"/> when the text is not JSON.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var open = new Stack<JsonNode>();
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? root = null;
        string? key = null;
        while (reader.Read())
        {
            JsonNode? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    key = GetString(ref reader, shared);
                    if (((JsonObject)open.Peek()).ContainsKey(key))
                    {
                        throw Duplicate(utf8, reader.TokenStartIndex, key);
                    }

                    continue;
                case JsonTokenType.StartObject:
                    value = new JsonObject();
                    break;
                case JsonTokenType.StartArray:
                    value = new JsonArray();
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    continue;
                case JsonTokenType.String:
                    value = JsonValue.Create(GetString(ref reader, shared));
                    break;
                case JsonTokenType.Number:
                    value = reader.TryGetInt64(out var whole) ? JsonValue.Create(whole) : JsonValue.Create(JsonElement.ParseValue(ref reader));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    value = JsonValue.Create(reader.TokenType == JsonTokenType.True);
                    break;
                default:
                    value = null;
                    break;
            }

            switch (open.Count == 0 ? null : open.Peek())
            {
                case null:
                    root = value;
                    break;
                case JsonObject obj:
                    obj.Add(key!, value);
                    break;
                case JsonArray array:
                    array.Add(value);
                    break;
            }

            if (value is JsonObject or JsonArray)
            {
                open.Push(value);
            }
        }

        return root;
    }

    /// <summary>The current string token, the instance made earlier in this parse when a short one repeats.</summary>
    private static string GetString(ref Utf8JsonReader reader, Dictionary<string, string> shared)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxShared)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxShared];
        var text = chars[..reader.CopyString(chars)];
        var lookup = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (shared.Count < MaxSharedCount)
        {
            shared.Add(made, made);
        }

        return made;
    }

    private static JsonException Duplicate(ReadOnlySpan<byte> utf8, long at, string key)
    {
        var before = utf8[..(int)at];
        var line = before.Count((byte)'\n');
        var column = before.Length - (before.LastIndexOf((byte)'\n') + 1);
        return new JsonException($"duplicate key '{key}'; remove one of them (KFP's server refuses duplicate keys too).", null, line, column);
    }
}
