using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kfp.Kube.Json;

/// <summary>Writes string maps (labels, annotations, ConfigMap data) with keys in ordinal order, so output is deterministic.</summary>
internal sealed class SortedStringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        MapReader.Read(ref reader, (key, ref value) => map[key] = value.GetString() ?? "");
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, item);
        }
        writer.WriteEndObject();
    }
}
