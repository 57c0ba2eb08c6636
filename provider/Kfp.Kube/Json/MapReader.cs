using System.Text.Json;

namespace Kfp.Kube.Json;

/// <summary>Reads a JSON object of scalar values entry by entry.</summary>
internal static class MapReader
{
    public delegate void EntryHandler(string key, ref Utf8JsonReader value);

    public static void Read(ref Utf8JsonReader reader, EntryHandler onEntry)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected a JSON object for a map, found {reader.TokenType}");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? "";
            reader.Read();
            onEntry(key, ref reader);
        }
    }
}
