using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Reads <c>parameters</c>, <c>inputs</c> and <c>outputs</c>: <c>name: type</c> or <c>name: {type, default, optional, description}</c>.</summary>
internal static class IoParser
{
    public static ImmutableArray<IoDefinition> Parse(Reader reader, JsonObject owner, string key, string ownerPath, bool allowDefault)
    {
        var map = reader.Mapping(owner, key, ownerPath);
        if (map is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<IoDefinition>();
        foreach (var (name, node) in map)
        {
            var path = Json.Path(Json.Path(ownerPath, key), name);
            if (node?.GetValueKind() == JsonValueKind.String)
            {
                if (ParseType(reader, node.GetValue<string>(), path) is { } shortType)
                {
                    result.Add(new IoDefinition(name, shortType, null, false, shortType.ParameterType == "TASK_FINAL_STATUS", null));
                }

                continue;
            }

            if (node is not JsonObject spec)
            {
                reader.Add(path, $"declare '{name}' as a type name or as {{type: ..., default: ...}}.");
                continue;
            }

            reader.CheckKeys(spec, path, allowDefault ? ["type", "default", "optional", "description"] : ["type", "description"]);
            var type = ParseType(reader, reader.RequiredString(spec, "type", path, TypeParser.Help + "."), Json.Path(path, "type"));
            var hasDefault = allowDefault && spec.ContainsKey("default");
            var value = hasDefault ? spec["default"]?.DeepClone() : null;
            if (type is null)
            {
                continue;
            }

            if (hasDefault && (type.IsArtifact || ParameterTypes.Mismatch(type.ParameterType!, value) is not null))
            {
                reader.Add(Json.Path(path, "default"), $"the default {value?.ToJsonString() ?? "null"} does not fit type {type}; change the default or the type.");
            }

            var optional = reader.Bool(spec, "optional", path, false) || type.ParameterType == "TASK_FINAL_STATUS";
            result.Add(new IoDefinition(name, type, value, hasDefault, optional, reader.OptionalString(spec, "description", path)));
        }

        return result.ToImmutable();
    }

    private static IoType? ParseType(Reader reader, string text, string path)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var type = TypeParser.Parse(text);
        if (type is null)
        {
            reader.Add(path, $"unknown type '{text}'; {TypeParser.Help}.");
        }

        return type;
    }
}
