using System.Text.Json;

namespace Kfp.Compiler.Tests.Ir;

public sealed class IrLoaderTests
{
    public static TheoryData<string> Samples => TestFiles.Names("ir/samples");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Load_RealSample_ReadsPipelineSpec(string name)
    {
        var document = TestFiles.Load($"ir/samples/{name}");

        Assert.Equal("2.1.0", document.PipelineSpec["schemaVersion"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(document.PipelineName));
        Assert.Null(document.PlatformSpec);
    }

    [Fact]
    public void Load_PlatformSpecDocument_SplitsIntoPlatformSpec()
    {
        var document = TestFiles.Load("ir/variants/with_platform_spec.yaml");

        Assert.Equal("echo", document.PipelineName);
        var executor = document.PlatformSpec!["platforms"]!["kubernetes"]!["deploymentSpec"]!["executors"]!["exec-echo"]!;
        Assert.Equal("regcred", executor["imagePullSecret"]![0]!["secretName"]!.GetValue<string>());
    }

    [Fact]
    public void Load_ApiServerWrapper_UnwrapsPipelineSpec()
    {
        var document = TestFiles.Load("ir/variants/hello_world_wrapped.json");

        Assert.Equal("echo", document.PipelineName);
        Assert.Null(document.PlatformSpec);
    }

    [Fact]
    public void Load_Scalars_ResolvesPlainAndKeepsQuotedAsStrings()
    {
        var inputs = TestFiles.Load("ir/variants/scalars.yaml")
            .PipelineSpec["components"]!["comp-show"]!["inputDefinitions"]!["parameters"]!;

        Assert.Equal(JsonValueKind.Number, inputs["count"]!["defaultValue"]!.GetValueKind());
        Assert.Equal(0.5, inputs["ratio"]!["defaultValue"]!.GetValue<double>());
        Assert.True(inputs["flag"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("42", inputs["quoted"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("true", inputs["word"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(string.Empty, inputs["empty"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("2.1.0", inputs["release"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Load_EmptyFile_ThrowsSayingTheFileIsEmpty()
    {
        var error = Assert.Throws<PipelineCompileException>(() => TestFiles.Load("ir/invalid/empty_file.yaml"));

        Assert.Equal("ir/invalid/empty_file.yaml", error.SourceFile);
        Assert.Equal("ir", error.Framework);
        Assert.Contains("empty or only comments", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenYaml_ThrowsWithLine()
    {
        var error = Assert.Throws<PipelineCompileException>(() => TestFiles.Load("ir/invalid/not_yaml.yaml"));

        Assert.Contains("line 3", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.Contains("ir/invalid/not_yaml.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoPipelineSpecs_Throws()
    {
        var error = Assert.Throws<PipelineCompileException>(() => TestFiles.Load("ir/invalid/two_pipeline_specs.yaml"));

        Assert.Contains("more than one PipelineSpec", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"pipelineInfo\": {\"name\": \"a\"}, \"pipelineInfo\": {\"name\": \"b\"}}", "pipelineInfo")]
    [InlineData("pipelineInfo: {name: a}\npipelineInfo: {name: b}\n", "duplicate key 'pipelineInfo'")]
    public void Load_DuplicateKey_Throws(string text, string expected)
    {
        var error = Assert.Throws<PipelineCompileException>(() => IrLoader.Load(text, "dup"));

        Assert.Contains(expected, Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ByteOrderMark_IsIgnored()
    {
        var document = IrLoader.Load("\uFEFF" + TestFiles.Read("ir/variants/hello_world.json"), "bom.json");

        Assert.Equal("echo", document.PipelineName);
    }

    [Fact]
    public void Load_JsonValues_ReadAsJsonNodeParseReadsThem()
    {
        const string text = """
            {"pipelineInfo": {"name": "numbers"}, "schemaVersion": "2.1.0",
             "root": {"inputDefinitions": {"parameters": {
               "a": {"parameterType": "NUMBER_DOUBLE", "defaultValue": 1.50},
               "b": {"parameterType": "NUMBER_INTEGER", "defaultValue": 12345678901234567890},
               "c": {"parameterType": "NUMBER_DOUBLE", "defaultValue": -2.5e-3},
               "d": {"parameterType": "NUMBER_INTEGER", "defaultValue": -7},
               "e": {"parameterType": "STRING", "defaultValue": "tab\t \u00e9 \"q\""},
               "f": {"parameterType": "BOOLEAN", "defaultValue": false},
               "g": {"parameterType": "STRUCT", "defaultValue": {"n": null, "l": [1, "x", true, {}]}}}}}}
            """;

        var loaded = IrLoader.Load(text, "numbers.json");

        var parsed = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal(SpecHasher.Canonicalize(new IrDocument(parsed, null), indented: true), SpecHasher.Canonicalize(loaded, indented: true));
        var parameters = loaded.PipelineSpec["root"]!["inputDefinitions"]!["parameters"]!;
        Assert.Equal("1.50", parameters["a"]!["defaultValue"]!.ToJsonString());
        Assert.Equal("12345678901234567890", parameters["b"]!["defaultValue"]!.ToJsonString());
        Assert.Equal("tab\t é \"q\"", parameters["e"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Load_NestedDuplicateJsonKey_NamesKeyAndLine()
    {
        var error = Assert.Throws<PipelineCompileException>(() => IrLoader.Load("{\n\"a\": {\"b\": 1,\n \"b\": 2}}", "dup.json"));

        var message = Assert.Single(error.Problems).Message;
        Assert.Contains("duplicate key 'b'", message, StringComparison.Ordinal);
        Assert.Contains("line 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenJson_Throws()
    {
        var error = Assert.Throws<PipelineCompileException>(() => IrLoader.Load("{\"pipelineInfo\": ", "p.json"));

        Assert.Contains("not valid JSON", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }
}
