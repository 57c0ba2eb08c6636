using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Kube.Json;

/// <summary>Byte maps (Secret data, ConfigMap binaryData) as base64 strings, keys in ordinal order.</summary>
internal sealed class SortedBytesMapConverter : JsonConverter<IReadOnlyDictionary<string, byte[]>>
{
    public override IReadOnlyDictionary<string, byte[]>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var map = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        MapReader.Read(ref reader, (key, ref value) => map[key] = value.TokenType == JsonTokenType.Null ? [] : value.GetBytesFromBase64());
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, byte[]> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteBase64String(key, item);
        }
        writer.WriteEndObject();
    }
}
