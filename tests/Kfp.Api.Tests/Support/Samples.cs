using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Kfp.Api.Tests.Support;

/// <summary>The IR samples compiled by the real KFP compiler (Fixtures/ir), and a canonical form to compare specs.</summary>
public static class Samples
{
    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ir");

    public static TheoryData<string> Valid => [.. Directory.GetFiles(Dir, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Invalid => [.. Directory.GetFiles(Path.Combine(Dir, "invalid"), "*.yaml").Select(f => "invalid/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Dir, name));

    public static string HelloWorld => Read("hello_world.yaml");

    /// <summary>add_numbers: root parameters a and b (NUMBER_INTEGER), both required.</summary>
    public static string AddNumbers => Read("add_numbers.yaml");

    /// <summary>A tree of sorted keys and scalar texts, independent of YAML/JSON typing and key order.</summary>
    public static string CanonicalYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Canonical(stream.Documents[0].RootNode);
    }

    public static string CanonicalJson(JsonElement json) => Canonical(JsonNode.Parse(json.GetRawText()));

    private static string Canonical(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(",", map.Children
            .Where(p => !(p.Value is YamlScalarNode { Value: null or "" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain))
            .Select(p => (Key: ((YamlScalarNode)p.Key).Value!, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        YamlSequenceNode seq => "[" + string.Join(",", seq.Children.Select(Canonical)) + "]",
        YamlScalarNode s => Scalar(s.Value ?? ""),
        _ => "?",
    };

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(",", arr.Select(Canonical)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        JsonValue v => Scalar(v.ToJsonString()),
        _ => "?",
    };

    private static string Scalar(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !text.Contains(':', StringComparison.Ordinal)
            ? d.ToString("R", CultureInfo.InvariantCulture)
            : JsonSerializer.Serialize(text);
}
