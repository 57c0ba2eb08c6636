using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Api.Tests.Support;

/// <summary>
/// The real KFP 2.17 swagger (Fixtures/swagger), used to check every request the client sends and every answer
/// the emulator gives: no field the API does not define, the wire types protojson uses (int64 as strings,
/// int32 as numbers, enums by name), no nulls.
/// </summary>
public sealed class SwaggerSchema
{
    private readonly JsonObject _definitions;
    private readonly List<(Regex Path, string Method, int Literal, JsonObject Operation)> _operations = [];

    private SwaggerSchema(JsonObject doc)
    {
        _definitions = doc["definitions"]!.AsObject();
        foreach (var (path, methods) in doc["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "([^/:]+)") + "$";
            var literal = Regex.Replace(path, "{[^}]+}", "").Length;
            foreach (var (method, op) in methods!.AsObject())
            {
                _operations.Add((new Regex(pattern, RegexOptions.CultureInvariant), method.ToUpperInvariant(), literal, op!.AsObject()));
            }
        }
    }

    public static SwaggerSchema Instance { get; } = Load();

    private static SwaggerSchema Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "swagger", "kfp_api_single_file.swagger.json");
        return new SwaggerSchema(JsonNode.Parse(File.ReadAllText(file))!.AsObject());
    }

    /// <summary>The operation for a request; the upload and healthz endpoints accept any method on the real server.</summary>
    public JsonObject? Operation(string method, string path)
    {
        var anyMethod = path.EndsWith("/upload", StringComparison.Ordinal) || path.EndsWith("/upload_version", StringComparison.Ordinal) || path.EndsWith("/healthz", StringComparison.Ordinal);
        return _operations
            .Where(o => (anyMethod || o.Method == method) && o.Path.IsMatch(path))
            .OrderByDescending(o => o.Literal)
            .Select(o => o.Operation)
            .FirstOrDefault();
    }

    public static JsonNode? BodySchema(JsonObject operation) =>
        (operation["parameters"] as JsonArray)?.FirstOrDefault(p => p?["in"]?.ToString() == "body")?["schema"];

    public static IEnumerable<string> QueryNames(JsonObject operation) =>
        ((operation["parameters"] as JsonArray) ?? []).Where(p => p?["in"]?.ToString() is "query" or "formData").Select(p => p!["name"]!.ToString());

    public static JsonNode? ResponseSchema(JsonObject operation, bool success) => operation["responses"]?[success ? "200" : "default"]?["schema"];

    /// <summary>Every way <paramref name="value"/> departs from <paramref name="schema"/>, as "path: problem".</summary>
    public void Check(JsonNode? value, JsonNode schema, string where, List<string> problems)
    {
        if (schema["$ref"] is { } reference)
        {
            schema = _definitions[reference.ToString().Split('/')[^1]]!;
        }
        if (value is null)
        {
            problems.Add($"{where}: null (protojson never writes null)");
            return;
        }
        var type = schema["type"]?.ToString();
        var format = schema["format"]?.ToString();
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object" or null when schema["properties"] is JsonObject || schema["additionalProperties"] is not null || type == "object":
                CheckObject(value, schema, where, problems);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    problems.Add($"{where}: expected an array, got {kind}");
                    break;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], schema["items"]!, $"{where}[{i}]", problems);
                }
                break;
            case "string" when format == "int64":
            case "integer" when format is "int64" or "uint64":
                if (kind != JsonValueKind.String || !long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{where}: int64 must be a JSON string of digits, got {value.ToJsonString()}");
                }
                break;
            case "integer":
                if (kind != JsonValueKind.Number)
                {
                    problems.Add($"{where}: expected a JSON number, got {value.ToJsonString()}");
                }
                break;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{where}: expected a boolean, got {value.ToJsonString()}");
                }
                break;
            case "string":
                CheckString(value, schema, format, where, problems);
                break;
        }
    }

    private void CheckObject(JsonNode value, JsonNode schema, string where, List<string> problems)
    {
        if (value is not JsonObject obj)
        {
            problems.Add($"{where}: expected an object, got {value.GetValueKind()}");
            return;
        }
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        if (properties is null && additional is null)
        {
            return; // google.protobuf.Struct (pipeline_spec, plugins_input): any JSON object.
        }
        foreach (var (key, child) in obj)
        {
            if (properties?[key] is { } propertySchema)
            {
                Check(child, propertySchema, $"{where}.{key}", problems);
            }
            else if (additional is JsonObject extra)
            {
                if (extra.Count > 0)
                {
                    Check(child, extra, $"{where}.{key}", problems);
                }
            }
            else
            {
                problems.Add($"{where}.{key}: field not in the KFP API");
            }
        }
    }

    private static void CheckString(JsonNode value, JsonNode schema, string? format, string where, List<string> problems)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{where}: expected a string, got {value.ToJsonString()}");
            return;
        }
        var text = value.GetValue<string>();
        if (format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"{where}: not an RFC 3339 timestamp: {text}");
        }
        if (schema["enum"] is JsonArray values && !values.Any(v => v?.ToString() == text))
        {
            problems.Add($"{where}: '{text}' is not one of the enum's names");
        }
    }
}
