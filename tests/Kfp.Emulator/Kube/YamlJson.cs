using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kfp.Emulator.Kube;

/// <summary>Reads an apply-patch body (YAML, of which JSON is a subset) into a JSON object.</summary>
internal static class YamlJson
{
    public static JsonObject ParseObject(string body, ResourceType type)
    {
        try
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                return KubeJson.ParseObject(body, type);
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            if (stream.Documents.Count != 1 || Convert(stream.Documents[0].RootNode) is not JsonObject obj)
            {
                throw KubeError.Undecodable(type, "the apply patch must be a single YAML mapping");
            }
            return obj;
        }
        catch (YamlException e)
        {
            throw KubeError.Undecodable(type, e.Message);
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
