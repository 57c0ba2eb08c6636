using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Reads one container component.</summary>
internal static class ComponentParser
{
    public static ComponentDefinition? Parse(Reader reader, string name, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            reader.Add(path, "a component must be a mapping with at least 'image'.");
            return null;
        }

        reader.CheckKeys(obj, path, "image", "command", "args", "env", "resources", "inputs", "outputs");
        var image = reader.RequiredString(obj, "image", path, "set the container image, e.g. python:3.11.");
        if (image.Length > 0 && ImageReference.Problem(image) is { } problem)
        {
            reader.Add(Json.Path(path, "image"), problem);
        }

        return new ComponentDefinition(
            name,
            image,
            reader.Strings(obj, "command", path),
            reader.Strings(obj, "args", path),
            ParseEnv(reader, obj["env"], Json.Path(path, "env")),
            ParseResources(reader, obj, path),
            IoParser.Parse(reader, obj, "inputs", path, allowDefault: true),
            IoParser.Parse(reader, obj, "outputs", path, allowDefault: false),
            path);
    }

    private static ImmutableArray<KeyValuePair<string, string>> ParseEnv(Reader reader, JsonNode? node, string path)
    {
        var result = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        switch (node)
        {
            case null:
                break;
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    result.Add(KeyValuePair.Create(key, Scalar(reader, value, Json.Path(path, key))));
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (list[i] is JsonObject item)
                    {
                        reader.CheckKeys(item, itemPath, "name", "value");
                        result.Add(KeyValuePair.Create(reader.RequiredString(item, "name", itemPath, "name the variable."),
                            Scalar(reader, item["value"], Json.Path(itemPath, "value"))));
                    }
                    else
                    {
                        reader.Add(itemPath, "an env entry must be {name, value}.");
                    }
                }

                break;
            default:
                reader.Add(path, "env must be a mapping NAME: value or a list of {name, value}.");
                break;
        }

        return result.ToImmutable();
    }

    private static string Scalar(Reader reader, JsonNode? value, string path)
    {
        if (value?.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        if (value is JsonValue)
        {
            return value.ToJsonString();
        }

        reader.Add(path, "an env value must be a string.");
        return string.Empty;
    }

    private static ResourcesDefinition? ParseResources(Reader reader, JsonObject obj, string path)
    {
        if (reader.Mapping(obj, "resources", path) is not { } resources)
        {
            return null;
        }

        var resourcesPath = Json.Path(path, "resources");
        reader.CheckKeys(resources, resourcesPath, "cpuLimit", "cpuRequest", "memoryLimit", "memoryRequest", "accelerator");
        string? acceleratorType = null, acceleratorCount = null;
        if (reader.Mapping(resources, "accelerator", resourcesPath) is { } accelerator)
        {
            var acceleratorPath = Json.Path(resourcesPath, "accelerator");
            reader.CheckKeys(accelerator, acceleratorPath, "type", "count");
            acceleratorType = reader.RequiredString(accelerator, "type", acceleratorPath, "e.g. nvidia.com/gpu.");
            acceleratorCount = reader.OptionalString(accelerator, "count", acceleratorPath) ?? "1";
        }

        return new ResourcesDefinition(
            reader.OptionalString(resources, "cpuLimit", resourcesPath), reader.OptionalString(resources, "cpuRequest", resourcesPath),
            reader.OptionalString(resources, "memoryLimit", resourcesPath), reader.OptionalString(resources, "memoryRequest", resourcesPath),
            acceleratorType, acceleratorCount);
    }
}
