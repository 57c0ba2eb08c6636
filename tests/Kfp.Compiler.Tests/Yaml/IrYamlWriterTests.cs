using System.Text.Json.Nodes;

namespace Kfp.Compiler.Tests.Yaml;

public sealed class IrYamlWriterTests
{
    public static TheoryData<string> Samples => TestFiles.Names("ir/samples");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_RealSample_RoundTripsToSameHash(string name)
    {
        var document = TestFiles.Load($"ir/samples/{name}");

        var yaml = IrYamlWriter.Write(document);

        Assert.Equal(SpecHasher.Canonicalize(document, indented: true),
            SpecHasher.Canonicalize(IrLoader.Load(yaml, name), indented: true));
    }

    [Fact]
    public void Write_PlatformSpec_WritesSecondDocument()
    {
        var document = TestFiles.Load("ir/variants/with_platform_spec.yaml");

        var yaml = IrYamlWriter.Write(document);

        Assert.Contains("\n---\nplatforms:\n", yaml, StringComparison.Ordinal);
        Assert.Equal(SpecHasher.ComputeHash(document), SpecHasher.ComputeHash(IrLoader.Load(yaml, "x.yaml")));
    }

    [Fact]
    public void Write_AmbiguousStrings_AreQuoted()
    {
        var spec = new JsonObject
        {
            ["a"] = "true", ["b"] = "1", ["c"] = "2.1.0", ["d"] = "yes", ["e"] = "null", ["f"] = string.Empty,
            ["g"] = "y", ["h"] = "1e3", ["i"] = "plain text", ["j"] = "line\nbreak", ["k"] = "it's", ["l"] = 3,
        };

        var yaml = IrYamlWriter.Write(new IrDocument(spec, null));

        Assert.Equal(
            "a: 'true'\nb: '1'\nc: '2.1.0'\nd: 'yes'\ne: 'null'\nf: ''\ng: 'y'\nh: '1e3'\ni: plain text\nj: \"line\\nbreak\"\nk: \"it's\"\nl: 3\n",
            yaml);
    }

    [Fact]
    public void Write_SameDocumentReordered_SameText()
    {
        var original = IrYamlWriter.Write(TestFiles.Load("ir/samples/hello_world.yaml"));
        var reordered = IrYamlWriter.Write(TestFiles.Load("ir/variants/hello_world_reordered.yaml") with { });

        Assert.Equal(original.Replace("kfp-2.14.6", "kfp-2.7.0", StringComparison.Ordinal), reordered);
    }
}
