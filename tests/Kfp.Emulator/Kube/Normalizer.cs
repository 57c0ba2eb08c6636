using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube;

/// <summary>
/// Decoding and defaulting done before validation: apiVersion/kind checks, base64 checks (400 like a decode
/// error), Secret <c>stringData</c> folded into <c>data</c>, default Secret type, ServiceAccount secret refs trimmed.
/// </summary>
internal static class Normalizer
{
    public static JsonObject Normalize(ResourceType type, JsonObject obj)
    {
        var apiVersion = KubeJson.String(obj, "apiVersion");
        if (apiVersion is not null && apiVersion != type.ApiVersion)
        {
            throw KubeError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }
        var kind = KubeJson.String(obj, "kind");
        if (kind is not null && kind != type.Kind)
        {
            throw KubeError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }
        var meta = KubeJson.Metadata(obj);
        RequireStrings(type, meta, "labels");
        RequireStrings(type, meta, "annotations");
        meta.Remove("selfLink");
        if (type == ResourceType.Secrets)
        {
            RequireStrings(type, obj, "data");
            RequireStrings(type, obj, "stringData");
            RequireBase64(type, obj, "data");
            if (obj["stringData"] is JsonObject stringData)
            {
                var data = obj["data"] as JsonObject ?? [];
                foreach (var (key, value) in stringData)
                {
                    data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value!.GetValue<string>()));
                }
                obj["data"] = data.DeepClone();
                obj.Remove("stringData");
            }
            if (string.IsNullOrEmpty(KubeJson.String(obj, "type")))
            {
                obj["type"] = "Opaque";
            }
        }
        else if (type == ResourceType.ConfigMaps)
        {
            RequireStrings(type, obj, "data");
            RequireStrings(type, obj, "binaryData");
            RequireBase64(type, obj, "binaryData");
        }
        else if (type == ResourceType.ServiceAccounts && obj["secrets"] is JsonArray secrets)
        {
            obj["secrets"] = new JsonArray(secrets.Select(s => (JsonNode)new JsonObject { ["name"] = KubeJson.String(s as JsonObject, "name") }).ToArray());
        }
        else if (type == ResourceType.Namespaces)
        {
            var spec = obj["spec"] as JsonObject ?? [];
            spec["finalizers"] ??= new JsonArray("kubernetes");
            obj["spec"] = spec.DeepClone();
            obj["status"] = new JsonObject { ["phase"] = meta["deletionTimestamp"] is null ? "Active" : "Terminating" };
        }
        return Ordered(type, obj);
    }

    /// <summary>kind, apiVersion, metadata first, like the server's output; the rest in the given order.</summary>
    private static JsonObject Ordered(ResourceType type, JsonObject obj)
    {
        var result = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = obj["metadata"]!.DeepClone() };
        foreach (var (key, value) in obj)
        {
            if (key is not ("kind" or "apiVersion" or "metadata") && value is not null)
            {
                result[key] = value.DeepClone();
            }
        }
        return result;
    }

    private static void RequireStrings(ResourceType type, JsonObject parent, string field)
    {
        if (parent[field] is null)
        {
            return;
        }
        if (parent[field] is not JsonObject map)
        {
            throw KubeError.Undecodable(type, $"json: cannot unmarshal {parent[field]!.GetValueKind()} into Go struct field .{field} of type map[string]string");
        }
        foreach (var (key, value) in map)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out _))
            {
                throw KubeError.Undecodable(type, $"json: cannot unmarshal {value?.GetValueKind().ToString() ?? "null"} into Go struct field .{field} of type string (key \"{key}\")");
            }
        }
    }

    private static void RequireBase64(ResourceType type, JsonObject obj, string field)
    {
        foreach (var (key, value) in obj[field] as JsonObject ?? [])
        {
            var text = value!.GetValue<string>();
            var buffer = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, buffer, out _))
            {
                throw KubeError.Undecodable(type, $"illegal base64 data at input byte {Math.Max(0, text.Length - 1)} (key \"{key}\")");
            }
        }
    }
}
