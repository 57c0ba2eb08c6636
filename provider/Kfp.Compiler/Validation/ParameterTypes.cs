using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>KFP parameter types (<c>parameterType</c>) and how JSON values and connections fit them.</summary>
internal static class ParameterTypes
{
    public static readonly IReadOnlyList<string> All =
        ["NUMBER_DOUBLE", "NUMBER_INTEGER", "STRING", "BOOLEAN", "LIST", "STRUCT", "TASK_FINAL_STATUS", "TASK_CONFIG"];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>Null when <paramref name="value"/> fits <paramref name="type"/>, else what was found.</summary>
    public static string? Mismatch(string type, JsonNode? value)
    {
        var kind = Json.Kind(value);
        var fits = type switch
        {
            "STRING" => kind == JsonValueKind.String,
            "BOOLEAN" => kind is JsonValueKind.True or JsonValueKind.False,
            "NUMBER_DOUBLE" => kind == JsonValueKind.Number,
            "NUMBER_INTEGER" => kind == JsonValueKind.Number && IsIntegral(value!),
            "LIST" => kind == JsonValueKind.Array,
            "STRUCT" => kind == JsonValueKind.Object,
            _ => true,
        };
        return fits || kind == JsonValueKind.Null ? null : Describe(kind, value);
    }

    /// <summary>True when an output/input of type <paramref name="source"/> may feed an input of type <paramref name="target"/>.</summary>
    public static bool Compatible(string? source, string? target) =>
        source is null || target is null || source == target
        || (source == "NUMBER_INTEGER" && target == "NUMBER_DOUBLE");

    private static bool IsIntegral(JsonNode value) =>
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && Math.Floor(number) == number;

    private static string Describe(JsonValueKind kind, JsonNode? value) => kind switch
    {
        JsonValueKind.Number => $"the number {value!.ToJsonString()}",
        JsonValueKind.String => $"the string {value!.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value!.ToJsonString()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "a mapping",
        _ => kind.ToString(),
    };
}
