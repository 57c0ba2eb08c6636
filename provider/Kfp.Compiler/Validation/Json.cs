using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Small null-tolerant accessors over JSON nodes.</summary>
internal static class Json
{
    public static JsonObject? Obj(JsonNode? node, string key) => (node as JsonObject)?[key] as JsonObject;

    public static string? Str(JsonNode? node, string key) =>
        (node as JsonObject)?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node, string key) =>
        Obj(node, key) is { } obj ? obj.ToList() : [];

    public static IEnumerable<string> Keys(JsonNode? node, string key) =>
        Obj(node, key) is { } obj ? obj.Select(p => p.Key).ToList() : [];

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
}
