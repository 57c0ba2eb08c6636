using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Typed reads from the definition's JSON tree that report problems with their paths.</summary>
internal sealed class Reader(ProblemSink problems)
{
    public ProblemSink Problems { get; } = problems;

    public void Add(string path, string message) => Problems.Add(path, message);

    public void CheckKeys(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Add(Json.Path(path, key), $"unknown key '{key}'; allowed here: {string.Join(", ", allowed)}.");
            }
        }
    }

    public string? OptionalString(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() is JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        if (node.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return node.ToJsonString();
        }

        Add(Json.Path(path, key), $"'{key}' must be a string.");
        return null;
    }

    public string RequiredString(JsonObject obj, string key, string path, string hint)
    {
        var value = OptionalString(obj, key, path);
        if (string.IsNullOrEmpty(value))
        {
            Add(Json.Path(path, key), $"'{key}' is required; {hint}");
            return string.Empty;
        }

        return value;
    }

    public bool Bool(JsonObject obj, string key, string path, bool fallback)
    {
        var node = obj[key];
        switch (node?.GetValueKind())
        {
            case null:
                return fallback;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Add(Json.Path(path, key), $"'{key}' must be true or false.");
                return fallback;
        }
    }

    public int Int(JsonObject obj, string key, string path, int fallback)
    {
        var node = obj[key];
        if (node is null)
        {
            return fallback;
        }

        if (node.GetValueKind() == JsonValueKind.Number && int.TryParse(node.ToJsonString(), out var value) && value >= 0)
        {
            return value;
        }

        Add(Json.Path(path, key), $"'{key}' must be a whole number of zero or more.");
        return fallback;
    }

    public ImmutableArray<string> Strings(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(i => i?.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
        {
            return [.. array.Select(i => i!.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : i.ToJsonString())];
        }

        Add(Json.Path(path, key), $"'{key}' must be a list of strings.");
        return [];
    }

    public JsonObject? Mapping(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null or JsonObject)
        {
            return node as JsonObject;
        }

        Add(Json.Path(path, key), $"'{key}' must be a mapping.");
        return null;
    }
}
