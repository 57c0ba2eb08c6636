using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>Builds response objects the way protojson does with EmitUnpopulated=false: empty values are left out.</summary>
internal sealed class JsonOut
{
    public JsonObject Object { get; } = [];

    public JsonOut Str(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Object[name] = value;
        }
        return this;
    }

    /// <summary>int64: written as a JSON string.</summary>
    public JsonOut Int64(string name, long value)
    {
        if (value != 0)
        {
            Object[name] = value.ToString(CultureInfo.InvariantCulture);
        }
        return this;
    }

    public JsonOut Bool(string name, bool value)
    {
        if (value)
        {
            Object[name] = true;
        }
        return this;
    }

    /// <summary>A timestamp; "unset" is rendered as the Unix epoch as the real server does.</summary>
    public JsonOut Time(string name, DateTimeOffset? value)
    {
        Object[name] = Format(value ?? DateTimeOffset.UnixEpoch);
        return this;
    }

    /// <summary>A timestamp left out when unset (optional message fields such as schedule start/end).</summary>
    public JsonOut OptionalTime(string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Object[name] = Format(v);
        }
        return this;
    }

    public JsonOut Node(string name, JsonNode? value)
    {
        if (value is JsonObject { Count: 0 } or JsonArray { Count: 0 } or null)
        {
            return this;
        }
        Object[name] = value.DeepClone();
        return this;
    }

    public JsonOut Map(string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is { Count: > 0 })
        {
            var obj = new JsonObject();
            foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                obj[k] = v;
            }
            Object[name] = obj;
        }
        return this;
    }

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
