using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Kube.Tests.Support;

/// <summary>
/// Checks a JSON response against the core/v1 OpenAPI v3 document: the response schema an operation declares,
/// types, formats (byte, date-time), required fields, and no fields the schema does not declare.
/// </summary>
public sealed class OpenApiValidator(JsonObject document)
{
    private readonly JsonObject _schemas = (JsonObject)document["components"]!["schemas"]!;

    /// <summary>The 200/201 response schema of <paramref name="method"/> on <paramref name="path"/> (an OpenAPI path template).</summary>
    public JsonObject ResponseSchema(string path, string method, string code = "200") =>
        (JsonObject?)document["paths"]?[path]?[method]?["responses"]?[code]?["content"]?["application/json"]?["schema"]
        ?? throw new InvalidOperationException($"the OpenAPI document declares no {code} response for {method} {path}");

    public JsonObject Schema(string name) => (JsonObject)_schemas[name]!;

    public List<string> Validate(JsonNode? value, JsonObject schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    private JsonObject Resolve(JsonObject schema)
    {
        for (var i = 0; i < 8; i++)
        {
            var reference = (string?)schema["$ref"] ?? (schema["allOf"] is JsonArray { Count: 1 } all ? (string?)all[0]!["$ref"] : null);
            if (reference is null)
            {
                return schema;
            }
            schema = Schema(reference[(reference.LastIndexOf('/') + 1)..]);
        }
        return schema;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        schema = Resolve(schema);
        if (value is null)
        {
            errors.Add($"{path}: null");
            return;
        }
        switch ((string?)schema["type"])
        {
            case "object":
                CheckObject(value, schema, path, errors);
                break;
            case "array" when value is JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    Check(list[i], (JsonObject)schema["items"]!, $"{path}[{i}]", errors);
                }
                break;
            case "string" when value is JsonValue v && v.TryGetValue<string>(out var text):
                CheckFormat(text, (string?)schema["format"], path, errors);
                break;
            case "integer" when value is JsonValue v && v.TryGetValue<long>(out _):
            case "number" when value is JsonValue n && n.TryGetValue<double>(out _):
            case "boolean" when value is JsonValue b && b.TryGetValue<bool>(out _):
            case null:
                break;
            default:
                errors.Add($"{path}: expected {(string?)schema["type"]}, got {value.GetValueKind()}");
                break;
        }
    }

    private void CheckObject(JsonNode value, JsonObject schema, string path, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: expected object, got {value.GetValueKind()}");
            return;
        }
        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add($"{path}.{required}: required but missing");
            }
        }
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (key, child) in obj)
        {
            if (properties?[key] is JsonObject declared)
            {
                Check(child, declared, $"{path}.{key}", errors);
            }
            else if (additional is not null)
            {
                Check(child, additional, $"{path}[{key}]", errors);
            }
            else if (properties is not null)
            {
                errors.Add($"{path}.{key}: not declared in the schema");
            }
        }
    }

    private static void CheckFormat(string text, string? format, string path, List<string> errors)
    {
        if (format == "byte" && !Convert.TryFromBase64String(text, new byte[text.Length], out _))
        {
            errors.Add($"{path}: not base64");
        }
        if (format == "date-time" && !DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            errors.Add($"{path}: \"{text}\" is not an RFC 3339 time with second precision");
        }
    }
}
