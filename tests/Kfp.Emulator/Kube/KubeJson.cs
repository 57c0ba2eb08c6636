using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube;

/// <summary>JSON helpers shared by the handlers: parsing bodies, writing compact output, reading fields.</summary>
internal static class KubeJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Compact);

    public static string Quote(string value) => JsonValue.Create(value).ToJsonString(Compact);

    /// <summary>Parses a request body that must be a JSON object; anything else is a 400 for that kind.</summary>
    public static JsonObject ParseObject(string body, ResourceType type)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw KubeError.Undecodable(type, e.Message);
        }
        return node as JsonObject ?? throw KubeError.Undecodable(type, "the body is not a JSON object");
    }

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }
        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    public static string? String(JsonObject? obj, string key) =>
        obj?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonObject? obj, string key) =>
        obj?[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static string Name(JsonObject obj) => String(obj["metadata"] as JsonObject, "name") ?? "";

    public static string? ResourceVersion(JsonObject obj) => String(obj["metadata"] as JsonObject, "resourceVersion");

    public static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();
}
