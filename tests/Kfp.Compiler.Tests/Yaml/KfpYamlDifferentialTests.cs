using System.Text.Json.Nodes;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Tests.Yaml;

/// <summary>
/// The compiler reads YAML as PyYAML (the KFP SDK's writer) does: thousands of documents written by
/// PyYAML at several widths, indentations and styles, plus every YAML file in TestData, load to the
/// same value in both.
/// </summary>
public sealed class KfpYamlDifferentialTests
{
    [Fact]
    public void LoadAll_DocumentsPyYamlWrote_ReadsWhatPyYamlReads()
    {
        var failures = new List<string>();
        var lines = PyYaml.Run("corpus.py", "1000", "11");
        foreach (var line in lines)
        {
            var entry = JsonNode.Parse(line)!;
            var yaml = entry["yaml"]!.GetValue<string>();
            Compare(entry["name"]!.GetValue<string>(), yaml, entry["json"], failures);
        }

        Assert.True(lines.Count > 1000, $"the corpus has {lines.Count} documents");
        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Count} documents differ from PyYAML:\n" + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void LoadAll_EveryYamlFileInTestData_ReadsWhatPyYamlReads()
    {
        var files = Directory.GetFiles(TestFiles.Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("invalid", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var lines = PyYaml.Run("load.py", [.. files]);
        Assert.Equal(files.Count, lines.Count);
        foreach (var line in lines)
        {
            var entry = JsonNode.Parse(line)!;
            var path = entry["name"]!.GetValue<string>();
            Compare(Path.GetRelativePath(TestFiles.Root, path), File.ReadAllText(path), entry["json"], failures);
        }

        Assert.True(files.Count > 30, $"only {files.Count} YAML files found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void LoadAll_IssueExample_ContinuationAtTheDashColumn_Loads()
    {
        const string text = "a:\n  b:\n    - sh\n    - \"x && \\\"\n    $0\\\" \\\"$@\\\"\\n\"\n";

        var value = Assert.Single(KfpYaml.LoadAll(text))!;

        Assert.Equal("x && \" $0\" \"$@\"\n", value["a"]!["b"]![1]!.GetValue<string>());
    }

    private static void Compare(string name, string yaml, JsonNode? expected, List<string> failures)
    {
        try
        {
            var actual = new JsonArray([.. KfpYaml.LoadAll(yaml).Select(d => d?.DeepClone())]);
            if (!PyYaml.Same(expected, actual))
            {
                failures.Add($"{name}: PyYAML {Short(expected)} but ours {Short(actual)}\n{Short(yaml)}");
            }
        }
        catch (YamlLoadException e)
        {
            failures.Add($"{name}: PyYAML loads it, ours fails: {e.Message}\n{Short(yaml)}");
        }
    }

    private static string Short(JsonNode? node) => Short(node?.ToJsonString() ?? "null");

    private static string Short(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
