using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Tests.Yaml;

/// <summary>
/// The fast path of <see cref="KfpYaml"/> reads exactly what the YamlDotNet path reads (same values, same number
/// types, same keys) wherever it reads a text at all, gives up wherever that path fails, and does read the files the
/// KFP SDK writes.
/// </summary>
public sealed class BlockYamlReaderTests
{
    /// <summary>The test data folders of files the KFP SDK wrote.</summary>
    private static readonly string[] SdkFolders = ["samples", "golden", "platform"];

    [Fact]
    public void TryRead_DocumentsPyYamlWrote_ReadsWhatYamlDotNetReads()
    {
        var texts = PyYaml.Run("corpus.py", "1000", "11").Concat(PyYaml.Run("corpus.py", "1000", "29"))
            .Select(line => JsonNode.Parse(line)!["yaml"]!.GetValue<string>()).ToList();
        var failures = new List<string>();

        var read = texts.Count(text => Check(text, text, failures));

        Assert.True(failures.Count == 0, $"{failures.Count} of {texts.Count} documents differ:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(read > texts.Count / 10, $"the fast path read only {read} of {texts.Count} documents");
    }

    [Fact]
    public void TryRead_EveryYamlFileInTestData_ReadsWhatYamlDotNetReadsAndTakesEverySample()
    {
        var files = Directory.GetFiles(TestFiles.Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();

        var skipped = files.Where(file => !Check(Path.GetRelativePath(TestFiles.Root, file), File.ReadAllText(file), failures)).ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Every file the KFP SDK wrote (hand-written variants use flow style, and invalid files may hold anything).
        var written = skipped.Where(f => f.Contains($"ir{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains("invalid", StringComparison.Ordinal) && !f.Contains("variants", StringComparison.Ordinal));
        Assert.Empty(written);
    }

    [Fact]
    public void TryRead_RandomEditsOfTheSdkFiles_ReadWhatYamlDotNetReadsOrGiveUp()
    {
        var samples = SdkFolders.SelectMany(folder => Directory.GetFiles(TestFiles.PathOf($"ir/{folder}"), "*.yaml"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var random = new Random(20_251_130);
        var failures = new List<string>();
        var read = 0;

        for (var i = 0; i < 3_000; i++)
        {
            var text = Edit(samples[random.Next(samples.Count)], random);
            read += Check($"edit {i}", text, failures) ? 1 : 0;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} edited files differ:\n" + string.Join("\n", failures.Take(5)));
        Assert.True(read > 1_000, $"the fast path read only {read} of 3,000 edited files");
    }

    [Fact]
    public void TryRead_LargeGeneratedSpec_ReadsWhatYamlDotNetReads()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"comp-{i}:\n  executorLabel: exec-{i}\n  args:\n  - \"echo {i}; {{{{$.inputs.parameters['m']}}}}\"\n  - '-c'\n  - {i}\n");
        }

        var failures = new List<string>();

        Assert.True(Check("generated", text.ToString(), failures), "the fast path gave up");
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("a:\n  b: 1\n  c: [ ]\n")]
    [InlineData("a: {x: 1}\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: >\n  folded\n")]
    [InlineData("a: |2\n   indented\n")]
    [InlineData("a:\n  scalar on the next line\n")]
    [InlineData("a: \"folded\nat the key's column\"\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\n")]
    [InlineData("x *y: d\n")]
    [InlineData("a: .inf\n")]
    [InlineData("<<: {a: 1}\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: |\n  no final line break")]
    [InlineData("--- text\n")]
    [InlineData("# only a comment\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("a: \"\\/\"\n")]
    public void TryRead_WhatItDoesNotHandle_IsLeftToYamlDotNet(string text)
    {
        Assert.Null(BlockYamlReader.TryRead(text, YamlLimits.Default));
    }

    [Theory]
    [InlineData("a: 1\nb: yes\nc: ~\nd: 012\ne: 1.5\nf: 0x1F\ng: '1'\nh: \"x\\ty\\u00e9\\x41\"\ni: it''s\n")]
    [InlineData("1: a\ntrue: b\n0x10: c\n~: d\n1.5: e\n'q': f\n\"r s\": g\n")]
    [InlineData("# header\n# more\nkey:\n- a\n- b: 1\n  c:\n  - d\n  e: {}\n- - x\n  - y\n-\n  z: []\n- # a comment\n  w: 1\n")]
    [InlineData("a: |\n  line\n    more\n\n  end\nb: |-\n  stripped\n\nc: |+\n  kept\n\n\nd: x # comment\n")]
    [InlineData("- |\n  in a list\n- k: |-\n    in a map\n  j: 2\n")]
    [InlineData("---\na: 1\n---\nplatforms:\n  kubernetes: {}\n")]
    [InlineData("  indented: root\n  second: 2\n")]
    [InlineData("a: plain text\n  folded > 5\n\n  after a blank\nb: \"quoted \\\n  escaped break\n\n  and fold\"\nc: 'it''s\n  two'\n")]
    [InlineData("a: -c\nb: --flag=x:y\nc: a#b\nd: 'x: y'\ne: \"{{$}}\"\nf: é中文😀\n")]
    public void TryRead_TheShapesKfpWrites_ReadsWhatYamlDotNetReads(string text)
    {
        var failures = new List<string>();

        Assert.True(Check("case", text, failures), "the fast path gave up");
        Assert.Empty(failures);
    }

    [Fact]
    public void TryRead_NearTheLimits_LeavesTheErrorToYamlDotNet()
    {
        var limits = YamlLimits.Default with { MaxNodes = 10 };
        var text = string.Concat(Enumerable.Range(0, 20).Select(i => $"k{i}: v\n"));

        Assert.Null(BlockYamlReader.TryRead(text, limits));
        Assert.Throws<YamlLoadException>(() => KfpYaml.LoadAll(text, limits));
    }

    /// <summary>
    /// Compares the fast path with the YamlDotNet path on <paramref name="text"/>; records a difference in
    /// <paramref name="failures"/>. True when the fast path read the text.
    /// </summary>
    private static bool Check(string name, string text, List<string> failures)
    {
        var fast = BlockYamlReader.TryRead(text.TrimStart('\uFEFF'), YamlLimits.Default);
        string full;
        try
        {
            full = Describe(new JsonArray([.. KfpYaml.LoadWithYamlDotNet(text.TrimStart('\uFEFF'), YamlLimits.Default)]));
        }
        catch (YamlLoadException e)
        {
            if (fast is not null)
            {
                failures.Add($"{Short(name)}: YamlDotNet fails ({e.Message}) but the fast path reads it");
            }

            return fast is not null;
        }

        if (fast is not null && Describe(new JsonArray([.. fast])) is var described && described != full)
        {
            failures.Add($"{Short(name)}:\n  full {Short(full)}\n  fast {Short(described)}");
        }

        return fast is not null;
    }

    /// <summary>One to three random edits: a character removed, a YAML-significant one inserted, two spaces inserted, a line repeated.</summary>
    private static string Edit(string text, Random random)
    {
        const string Inserted = " \n-:#'\"|>{}[]&*!\\abc0.";
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            var lineEnd = text.IndexOf('\n', at);
            var nextEnd = lineEnd < 0 ? -1 : text.IndexOf('\n', lineEnd + 1);
            text = random.Next(4) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Inserted[random.Next(Inserted.Length)].ToString()),
                2 => text.Insert(at, "  "),
                _ => nextEnd < 0 ? text : text.Insert(lineEnd + 1, text[(lineEnd + 1)..(nextEnd + 1)]),
            };
        }

        return text;
    }

    /// <summary>The value as text that also names each number's .NET type (a long and a double of the same value differ).</summary>
    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.Select(p => JsonSerializer.Serialize(p.Key) + ":" + Describe(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Describe)) + "]",
        JsonValue value => value.GetValueKind() == JsonValueKind.Number
            ? $"{value.GetValue<object>().GetType().Name}({value.ToJsonString()})"
            : value.ToJsonString(),
        _ => throw new ArgumentException("unknown node", nameof(node)),
    };

    private static string Short(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
