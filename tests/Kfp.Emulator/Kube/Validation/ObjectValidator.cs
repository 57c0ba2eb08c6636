using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Validation;

/// <summary>Create and update validation of the four kinds (422 Invalid with causes on failure).</summary>
internal static class ObjectValidator
{
    public const int DataLimit = 1024 * 1024;
    private static readonly string[] TlsKeys = ["tls.crt", "tls.key"];
    private static readonly string[] DataFields = ["data", "binaryData"];

    public static void Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        MetadataValidator.Validate(type, KubeJson.Metadata(obj), errors);
        if (type == ResourceType.Secrets)
        {
            ValidateSecret(obj, errors);
        }
        else if (type == ResourceType.ConfigMaps)
        {
            ValidateConfigMap(obj, errors);
        }
        if (old is not null)
        {
            ValidateImmutable(type, obj, old, errors);
        }
        if (errors.Count > 0)
        {
            throw KubeError.Invalid(type, KubeJson.Name(obj), errors);
        }
    }

    private static void ValidateSecret(JsonObject obj, List<FieldError> errors)
    {
        var data = obj["data"] as JsonObject ?? [];
        long total = 0;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameRules.DataKey(key).Select(e => FieldError.Invalid($"data[{key}]", key, e)));
            total += Convert.FromBase64String(value!.GetValue<string>()).Length;
        }
        if (total > DataLimit)
        {
            errors.Add(FieldError.TooLong("data", DataLimit));
        }
        switch (KubeJson.String(obj, "type"))
        {
            case "kubernetes.io/dockerconfigjson":
                RequireJsonObject(data, ".dockerconfigjson", errors);
                break;
            case "kubernetes.io/dockercfg":
                RequireJsonObject(data, ".dockercfg", errors);
                break;
            case "kubernetes.io/basic-auth" when !data.ContainsKey("username") && !data.ContainsKey("password"):
                errors.Add(FieldError.Required("data[username]", "must specify at least one of username or password"));
                break;
            case "kubernetes.io/ssh-auth" when Decoded(data, "ssh-privatekey") is not { Length: > 0 }:
                errors.Add(FieldError.Required("data[ssh-privatekey]", ""));
                break;
            case "kubernetes.io/tls":
                foreach (var key in TlsKeys.Where(k => !data.ContainsKey(k)))
                {
                    errors.Add(FieldError.Required($"data[{key}]", ""));
                }
                break;
            case "kubernetes.io/service-account-token"
                when KubeJson.String(KubeJson.Metadata(obj)["annotations"] as JsonObject, "kubernetes.io/service-account.name") is null:
                errors.Add(FieldError.Required("metadata.annotations[kubernetes.io/service-account.name]", ""));
                break;
        }
    }

    private static void RequireJsonObject(JsonObject data, string key, List<FieldError> errors)
    {
        var field = $"data[{key}]";
        if (Decoded(data, key) is not { } bytes)
        {
            errors.Add(FieldError.Required(field, ""));
            return;
        }
        try
        {
            if (JsonNode.Parse(bytes) is not JsonObject)
            {
                errors.Add(FieldError.Invalid(field, "<secret contents redacted>", "must be a JSON object"));
            }
        }
        catch (JsonException e)
        {
            errors.Add(FieldError.Invalid(field, "<secret contents redacted>", e.Message));
        }
    }

    private static byte[]? Decoded(JsonObject data, string key) =>
        data[key] is JsonValue v ? Convert.FromBase64String(v.GetValue<string>()) : null;

    private static void ValidateConfigMap(JsonObject obj, List<FieldError> errors)
    {
        var data = obj["data"] as JsonObject ?? [];
        var binary = obj["binaryData"] as JsonObject ?? [];
        long total = 0;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameRules.DataKey(key).Select(e => FieldError.Invalid($"data[{key}]", key, e)));
            total += Encoding.UTF8.GetByteCount(value!.GetValue<string>());
        }
        foreach (var (key, value) in binary)
        {
            errors.AddRange(NameRules.DataKey(key).Select(e => FieldError.Invalid($"binaryData[{key}]", key, e)));
            if (data.ContainsKey(key))
            {
                errors.Add(FieldError.Invalid($"binaryData[{key}]", key, "duplicate of key present in data"));
            }
            total += Convert.FromBase64String(value!.GetValue<string>()).Length;
        }
        if (total > DataLimit)
        {
            errors.Add(FieldError.TooLong("", DataLimit));
        }
    }

    private static void ValidateImmutable(ResourceType type, JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        if (type == ResourceType.Secrets && KubeJson.String(obj, "type") != KubeJson.String(old, "type"))
        {
            errors.Add(FieldError.Invalid("type", KubeJson.String(obj, "type") ?? "", "field is immutable"));
        }
        if (!KubeJson.Bool(old, "immutable"))
        {
            return;
        }
        const string why = "field is immutable when `immutable` is set";
        if (!KubeJson.Bool(obj, "immutable"))
        {
            errors.Add(FieldError.Forbidden("immutable", why));
        }
        foreach (var field in DataFields)
        {
            if (!JsonNode.DeepEquals(Empty(obj[field]), Empty(old[field])))
            {
                errors.Add(FieldError.Forbidden(field, why));
            }
        }
    }

    private static JsonNode? Empty(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;
}
