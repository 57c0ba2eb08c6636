using System.Text.Json.Nodes;

namespace Kfp.Compiler.Tests.Hashing;

public sealed class SpecHasherTests
{
    private static readonly string HelloWorldHash = SpecHasher.ComputeHash(TestFiles.Load("ir/samples/hello_world.yaml"));

    [Theory]
    [InlineData("hello_world.json")]
    [InlineData("hello_world_wrapped.json")]
    [InlineData("hello_world_reordered.yaml")]
    public void ComputeHash_SamePipelineOtherFormat_SameHash(string variant)
    {
        Assert.Equal(HelloWorldHash, SpecHasher.ComputeHash(TestFiles.Load($"ir/variants/{variant}")));
    }

    [Fact]
    public void ComputeHash_ChangedArgument_DifferentHash()
    {
        Assert.NotEqual(HelloWorldHash, SpecHasher.ComputeHash(TestFiles.Load("ir/variants/hello_world_changed_arg.yaml")));
    }

    [Fact]
    public void ComputeHash_PlatformSpecChanges_DifferentHash()
    {
        var document = TestFiles.Load("ir/variants/with_platform_spec.yaml");
        var without = document with { PlatformSpec = null };

        Assert.NotEqual(SpecHasher.ComputeHash(document), SpecHasher.ComputeHash(without));
    }

    [Fact]
    public void ComputeHash_Format_IsSha256Hex()
    {
        Assert.Matches("^sha256:[0-9a-f]{64}$", HelloWorldHash);
    }

    [Fact]
    public void ComputeHash_IntegralDouble_SameAsInteger()
    {
        var one = new IrDocument(new JsonObject { ["x"] = 1 }, null);
        var oneDotZero = new IrDocument((JsonObject)JsonNode.Parse("{\"x\": 1.0}")!, null);

        Assert.Equal(SpecHasher.ComputeHash(one), SpecHasher.ComputeHash(oneDotZero));
    }

    [Fact]
    public void Canonicalize_Strings_EscapesOnlyWhatJsonRequires()
    {
        var document = new IrDocument(new JsonObject { ["s"] = "quote\" back\\ tab\t nl\n bell\u0007 <html> é 😀 '" }, null);

        Assert.Equal("{\"s\":\"quote\\\" back\\\\ tab\\t nl\\n bell\\u0007 <html> é 😀 '\"}", SpecHasher.Canonicalize(document));
    }

    [Fact]
    public void ComputeHash_HelloWorld_MatchesPinnedValue()
    {
        // Computed independently with Python: sha256 of json.dumps(spec without sdkVersion, sort_keys=True,
        // separators=(',', ':'), ensure_ascii=False). A change here changes every version name derived from it.
        Assert.Equal("sha256:f41cb8c3baf4bd29f8fde7d1040409f07c16f30a885790f5771f5685c33bf166", HelloWorldHash);
    }

    [Fact]
    public void Canonicalize_Sample_SortsKeysAndDropsSdkVersion()
    {
        var canonical = SpecHasher.Canonicalize(TestFiles.Load("ir/samples/hello_world.yaml"));

        Assert.DoesNotContain("sdkVersion", canonical, StringComparison.Ordinal);
        Assert.StartsWith("{\"components\":{\"comp-echo\":{\"executorLabel\":\"exec-echo\"}},\"deploymentSpec\":", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Document_LeavesInputUntouched()
    {
        var document = TestFiles.Load("ir/samples/hello_world.yaml");

        var normal = SpecHasher.Normalize(document);

        Assert.False(normal.PipelineSpec.ContainsKey("sdkVersion"));
        Assert.True(document.PipelineSpec.ContainsKey("sdkVersion"));
    }
}
