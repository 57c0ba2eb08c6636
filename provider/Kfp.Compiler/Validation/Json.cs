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

    /// <summary>The members of the object at <paramref name="key"/>; none when it is missing or not an object.</summary>
    public static Members Entries(JsonNode? node, string key) => new(Obj(node, key));

    /// <summary>True when the object at <paramref name="key"/> has a member named <paramref name="name"/>.</summary>
    public static bool Has(JsonNode? node, string key, string name) => Obj(node, key)?.ContainsKey(name) == true;

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>
    /// A dotted path for a problem. Rules build paths only when they report one: a valid spec of thousands of tasks
    /// would otherwise make a dozen strings per task that nothing reads.
    /// </summary>
    public static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>The same with several segments.</summary>
    public static string Path(string parent, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            parent = Path(parent, key);
        }

        return parent;
    }
}
