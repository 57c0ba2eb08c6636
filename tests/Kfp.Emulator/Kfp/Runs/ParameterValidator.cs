using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;

namespace Kfp.Emulator.Kfp.Runs;

/// <summary>Run parameters against the IR's root inputs: none missing, no extras, JSON types matching <c>parameterType</c>.</summary>
internal static class ParameterValidator
{
    public static void Check(JsonObject spec, JsonObject? parameters, string context)
    {
        var declared = (spec["root"]?["inputDefinitions"]?["parameters"] as JsonObject) ?? [];
        var given = parameters ?? [];
        var extra = given.Select(p => p.Key).Where(k => !declared.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw KfpServerException.InvalidInput(context, $"parameter(s) provided are not required by pipeline: {string.Join(", ", extra)}");
        }
        foreach (var (name, definition) in declared)
        {
            var optional = definition?["isOptional"] is JsonValue o && o.TryGetValue<bool>(out var b) && b;
            var hasDefault = definition is JsonObject d && d.ContainsKey("defaultValue");
            if (!given.TryGetPropertyValue(name, out var value))
            {
                if (!optional && !hasDefault)
                {
                    throw KfpServerException.InvalidInput(context, $"parameter '{name}' is required by the pipeline but was not provided");
                }
                continue;
            }
            var type = definition?["parameterType"]?.ToString() ?? "";
            if (!Matches(type, value))
            {
                throw KfpServerException.InvalidInput(context,
                    $"parameter '{name}' must be of type {type}, got {value?.ToJsonString() ?? "null"}");
            }
        }
    }

    private static bool Matches(string type, JsonNode? value)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        return type switch
        {
            "NUMBER_INTEGER" or "NUMBER_DOUBLE" => kind == JsonValueKind.Number,
            "STRING" => kind == JsonValueKind.String,
            "BOOLEAN" => kind is JsonValueKind.True or JsonValueKind.False,
            "LIST" => kind == JsonValueKind.Array,
            "STRUCT" => kind == JsonValueKind.Object,
            _ => true,
        };
    }
}
