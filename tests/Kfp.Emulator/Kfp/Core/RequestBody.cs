using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// A JSON request message read as protojson does: proto (snake_case) or lowerCamel names, int64 as string or
/// number, and (KFP 2.14+) unknown fields rejected with 400.
/// </summary>
internal sealed class RequestBody
{
    private readonly Dictionary<string, JsonNode?> _fields;

    private RequestBody(Dictionary<string, JsonNode?> fields) => _fields = fields;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, ServerSettings settings, IReadOnlyCollection<string> allowed)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw KfpServerException.BadRequestBody($"proto: syntax error (line {e.LineNumber + 1}:{e.BytePositionInLine + 1}): {e.Message}");
        }
        if (node is not JsonObject obj)
        {
            throw KfpServerException.BadRequestBody("proto: syntax error (line 1:1): unexpected token, expected an object");
        }
        return From(obj, settings, allowed);
    }

    public static RequestBody From(JsonObject obj, ServerSettings settings, IReadOnlyCollection<string> allowed)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            var name = allowed.Contains(key) ? key : ToSnake(key);
            if (!allowed.Contains(name))
            {
                if (settings.RejectsUnknownFields)
                {
                    throw KfpServerException.BadRequestBody($"proto: (line 1:2): unknown field \"{key}\"");
                }
                continue;
            }
            fields[name] = value;
        }
        return new RequestBody(fields);
    }

    public bool Has(string name) => _fields.TryGetValue(name, out var v) && v is not null;

    public string Str(string name)
    {
        if (!_fields.TryGetValue(name, out var node) || node is null)
        {
            return "";
        }
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }
        throw KfpServerException.BadRequestBody($"proto: (line 1:2): invalid value for string field {name}: {node.ToJsonString()}");
    }

    public long Int64(string name)
    {
        if (!_fields.TryGetValue(name, out var node) || node is not JsonValue v)
        {
            return 0;
        }
        if (v.TryGetValue<long>(out var n))
        {
            return n;
        }
        if (v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }
        throw KfpServerException.BadRequestBody($"proto: (line 1:2): invalid value for int64 field {name}: {v.ToJsonString()}");
    }

    public bool Bool(string name) =>
        _fields.TryGetValue(name, out var node) && node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public JsonNode? Raw(string name) => _fields.GetValueOrDefault(name);

    public RequestBody? Child(string name, ServerSettings settings, IReadOnlyCollection<string> allowed) =>
        _fields.GetValueOrDefault(name) is JsonObject obj ? From(obj, settings, allowed) : null;

    /// <summary>An enum field given by name or number; null when absent.</summary>
    public string? Enum(string name, IReadOnlyList<string> values)
    {
        if (!_fields.TryGetValue(name, out var node) || node is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i >= 0 && i < values.Count ? values[i] : i.ToString(CultureInfo.InvariantCulture);
        }
        if (v.TryGetValue<string>(out var s) && values.Contains(s))
        {
            return s;
        }
        throw KfpServerException.BadRequestBody($"proto: (line 1:2): invalid value for enum field {name}: {v.ToJsonString()}");
    }

    public Dictionary<string, string>? StrMap(string name)
    {
        if (_fields.GetValueOrDefault(name) is not JsonObject obj)
        {
            return null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in obj)
        {
            map[k] = v is JsonValue jv && jv.TryGetValue<string>(out var s)
                ? s
                : throw KfpServerException.BadRequestBody($"proto: (line 1:2): invalid value for string field {name}[{k}]");
        }
        return map;
    }

    private static string ToSnake(string camel)
    {
        var builder = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
