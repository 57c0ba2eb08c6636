using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Patches;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    public const int MaxOperations = 10_000;

    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        if (operations.Count > MaxOperations)
        {
            throw new KubeError(413, "RequestEntityTooLarge", $"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}");
        }
        JsonNode doc = KubeJson.Clone(target);
        foreach (var op in operations.OfType<JsonObject>())
        {
            var name = KubeJson.String(op, "op") ?? "";
            var path = KubeJson.String(op, "path") ?? throw Fail($"missing path in operation {op.ToJsonString()}");
            switch (name)
            {
                case "add":
                    Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(doc, path);
                    break;
                case "replace":
                    Remove(doc, path);
                    Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Get(doc, KubeJson.String(op, "from") ?? "")?.DeepClone();
                    Remove(doc, KubeJson.String(op, "from") ?? "");
                    Add(doc, path, moved);
                    break;
                case "copy":
                    Add(doc, path, Get(doc, KubeJson.String(op, "from") ?? "")?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(doc, path), op["value"]))
                    {
                        throw Fail($"testing value {path} failed");
                    }
                    break;
                default:
                    throw Fail($"Unexpected kind: {name}");
            }
        }
        return doc as JsonObject ?? throw Fail("the patch replaced the whole object with a non-object");
    }

    private static KubeError Fail(string message) => new(422, "Invalid", message);

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    private static JsonNode? Get(JsonNode doc, string pointer)
    {
        JsonNode? node = doc;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.ContainsKey(token) => obj[token],
                JsonArray list when int.TryParse(token, out var i) && i >= 0 && i < list.Count => list[i],
                _ => throw Fail($"path {pointer} does not exist"),
            };
        }
        return node;
    }

    private static void Add(JsonNode doc, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw Fail("replacing the whole object is not supported");
        }
        var parent = Get(doc, Parent(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray list when last == "-":
                list.Add(value);
                break;
            case JsonArray list when int.TryParse(last, out var i) && i >= 0 && i <= list.Count:
                list.Insert(i, value);
                break;
            default:
                throw Fail($"add operation does not apply: doc is missing path: {pointer}");
        }
    }

    private static void Remove(JsonNode doc, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Get(doc, Parent(tokens));
        var last = tokens.Length == 0 ? "" : tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case JsonArray list when int.TryParse(last, out var i) && i >= 0 && i < list.Count:
                list.RemoveAt(i);
                break;
            default:
                throw Fail($"remove operation does not apply: doc is missing path: {pointer}");
        }
    }

    private static string Parent(string[] tokens) =>
        tokens.Length <= 1 ? "" : "/" + string.Join("/", tokens[..^1].Select(Escape));

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
