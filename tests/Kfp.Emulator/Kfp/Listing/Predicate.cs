using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;

namespace Kfp.Emulator.Kfp.Listing;

/// <summary>One predicate of a KFP filter, parsed from its JSON (snake_case or legacy camelCase value keys).</summary>
internal sealed record Predicate(string Key, string Operation, IReadOnlyList<FieldValue> Values)
{
    private static readonly string[] Operations =
        ["OPERATION_UNSPECIFIED", "EQUALS", "NOT_EQUALS", "GREATER_THAN", "GREATER_THAN_EQUALS", "LESS_THAN", "LESS_THAN_EQUALS", "IN", "IS_SUBSTRING"];

    public bool Matches(FieldValue actual) => Operation switch
    {
        "EQUALS" => actual.CompareTo(Values[0]) == 0,
        "NOT_EQUALS" => actual.CompareTo(Values[0]) != 0,
        "GREATER_THAN" => actual.CompareTo(Values[0]) > 0,
        "GREATER_THAN_EQUALS" => actual.CompareTo(Values[0]) >= 0,
        "LESS_THAN" => actual.CompareTo(Values[0]) < 0,
        "LESS_THAN_EQUALS" => actual.CompareTo(Values[0]) <= 0,
        "IN" => Values.Any(v => actual.CompareTo(v) == 0),
        "IS_SUBSTRING" => actual.ToString().Contains(Values[0].ToString(), StringComparison.Ordinal),
        _ => false,
    };

    public static Predicate Parse(JsonObject p, string filterText)
    {
        var key = (p["key"] as JsonValue)?.GetValue<string>() ?? "";
        var op = p["operation"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) && Operations.Contains(s) => s,
            JsonValue v when v.TryGetValue<int>(out var i) && i > 0 && i < Operations.Length => Operations[i],
            _ => throw Invalid(filterText, "invalid operation"),
        };
        var values = new List<FieldValue>();
        foreach (var (name, node) in p)
        {
            switch (name)
            {
                case "string_value" or "stringValue":
                    values.Add(FieldValue.Of(node!.GetValue<string>()));
                    break;
                case "int_value" or "intValue" or "long_value" or "longValue":
                    values.Add(FieldValue.Of(Long(node!)));
                    break;
                case "timestamp_value" or "timestampValue":
                    values.Add(FieldValue.Of(DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture)));
                    break;
                case "string_values" or "stringValues" or "int_values" or "intValues" or "long_values" or "longValues":
                    foreach (var item in (node?["values"] as JsonArray) ?? [])
                    {
                        values.Add(name.StartsWith("string", StringComparison.Ordinal) ? FieldValue.Of(item!.GetValue<string>()) : FieldValue.Of(Long(item!)));
                    }
                    break;
                case "key" or "operation":
                    break;
                default:
                    throw Invalid(filterText, $"unknown field \"{name}\"");
            }
        }
        if (values.Count == 0 || (op == "IS_SUBSTRING" && values[0].Text is null))
        {
            throw Invalid(filterText, $"no value for predicate on \"{key}\"");
        }
        return new Predicate(key, op, values);
    }

    private static long Long(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) ? n : long.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    private static KfpServerException Invalid(string filter, string detail) =>
        KfpServerException.InvalidInput("Failed to list", $"failed to parse valid filter from \"{filter}\": {detail}");

    public static IReadOnlyList<Predicate> ParseFilter(string filterText)
    {
        try
        {
            var root = JsonNode.Parse(filterText) as JsonObject ?? throw Invalid(filterText, "not an object");
            return [.. ((root["predicates"] as JsonArray) ?? []).Select(n => Parse(n as JsonObject ?? throw Invalid(filterText, "predicate is not an object"), filterText))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid(filterText, e.Message);
        }
    }
}
