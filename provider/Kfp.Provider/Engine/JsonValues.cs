using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>Plain property values ↔ JSON, for inputs of type Any (framework parameters, run parameters).</summary>
internal static class JsonValues
{
    public static JsonNode? ToJson(PropertyValue value) => value.Plain switch
    {
        NullValue or UnknownValue => null,
        BoolValue b => JsonValue.Create(b.Value),
        NumberValue n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 9e15 => JsonValue.Create((long)n.Value),
        NumberValue n => JsonValue.Create(n.Value),
        StringValue s => JsonValue.Create(s.Value),
        ArrayValue a => new JsonArray([.. a.Items.Select(ToJson)]),
        ObjectValue o => new JsonObject(o.Map.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        ResourceRefValue r => JsonValue.Create(r.Id ?? r.Urn),
        var other => throw new InvalidOperationException($"no JSON form for {other.GetType().Name}"),
    };

    public static PropertyValue FromJson(JsonNode? node) => node switch
    {
        null => PropertyValue.Null,
        JsonObject o => PropertyValue.Of(PropertyMap.From(o.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value))))),
        JsonArray a => PropertyValue.Of(a.Select(FromJson)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => PropertyValue.Of(v.GetValue<string>()),
            JsonValueKind.True => PropertyValue.Of(true),
            JsonValueKind.False => PropertyValue.Of(false),
            JsonValueKind.Number => PropertyValue.Of(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)),
            _ => PropertyValue.Null,
        },
        _ => PropertyValue.Null,
    };

    /// <summary>Parses JSON text written by <see cref="ToJson"/> (stored in ConfigMaps); null when it is not JSON.</summary>
    public static JsonNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
