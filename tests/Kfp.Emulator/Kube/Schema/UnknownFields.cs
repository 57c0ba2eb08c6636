using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Schema;

/// <summary>
/// Finds (and removes) fields the core/v1 schema does not declare, for <c>fieldValidation</c>: Strict → 400,
/// Warn (the default) → dropped with a <c>Warning</c> header, Ignore → dropped silently.
/// </summary>
internal sealed class UnknownFields(OpenApiSchemas schemas)
{
    /// <summary>Removes undeclared fields from <paramref name="obj"/> and returns their paths (e.g. <c>metadata.labelz</c>).</summary>
    public List<string> Prune(ResourceType type, JsonObject obj)
    {
        var found = new List<string>();
        if (schemas.ForKind(type.Kind) is { } schema)
        {
            Walk(obj, schema, "", found);
        }
        return found;
    }

    private void Walk(JsonNode? node, JsonObject schema, string path, List<string> found)
    {
        schema = schemas.Resolve(schema) ?? schema;
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var key in obj.Select(kv => kv.Key).ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (properties[key] is JsonObject child)
                    {
                        Walk(obj[key], child, childPath, found);
                    }
                    else if (path.Length > 0 || key is not ("apiVersion" or "kind"))
                    {
                        found.Add(childPath);
                        obj.Remove(key);
                    }
                }
                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject values:
                foreach (var (key, value) in map.ToList())
                {
                    Walk(value, values, $"{path}.{key}", found);
                }
                break;
            case JsonArray list when schema["items"] is JsonObject items:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], items, $"{path}[{i}]", found);
                }
                break;
        }
    }
}
