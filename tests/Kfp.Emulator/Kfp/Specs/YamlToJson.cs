using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Compiler.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kfp.Emulator.Kfp.Specs;

/// <summary>
/// Converts YAML documents to JSON nodes with YAML 1.2 core-schema scalar typing (as the server's YAML reader does).
/// A double-quoted scalar wrapped onto lines at the block's indentation, which the KFP SDK writes and Go's YAML
/// reader accepts but YamlDotNet refuses, is re-indented and read again (<see cref="QuotedScalarRepair"/>, shared
/// with the compiler); its value does not change.
/// </summary>
internal static class YamlToJson
{
    public static IReadOnlyList<JsonNode?> Documents(string text)
    {
        for (var repairs = 0; ; repairs++)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                return [.. stream.Documents.Select(d => Convert(d.RootNode))];
            }
            catch (SyntaxErrorException e) when (repairs < QuotedScalarRepair.MaxRepairs && QuotedScalarRepair.TryRepair(text, e) is { } repaired)
            {
                text = repaired;
            }
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        if (value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !value.Contains(':', StringComparison.Ordinal))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(value);
    }
}
