using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kfp.Compiler.Yaml;

/// <summary>Converts a YamlDotNet representation tree into a System.Text.Json tree.</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode scalarKey)
            {
                throw new YamlException(key.Start, key.End, "mapping keys must be plain strings");
            }

            var name = scalarKey.Value ?? string.Empty;
            if (result.ContainsKey(name))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
            }

            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        return tag switch
        {
            "tag:yaml.org,2002:str" => JsonValue.Create(text),
            "tag:yaml.org,2002:null" => null,
            "" or "?" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool"
                when scalar.Style is ScalarStyle.Plain or ScalarStyle.Any => YamlScalarResolver.ResolvePlain(text),
            _ => JsonValue.Create(text),
        };
    }
}
