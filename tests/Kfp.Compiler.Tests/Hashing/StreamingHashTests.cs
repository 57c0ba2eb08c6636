using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Compiler.Compilation;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler.Tests.Hashing;

/// <summary>The streaming canonical writer and the in-place normaliser give exactly the bytes and hashes of the text forms.</summary>
public sealed class StreamingHashTests
{
    public static TheoryData<string> Samples() => TestFiles.Names("ir/samples");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Hash_InPlaceNormalised_EqualsHashOfCanonicalText(string name)
    {
        var document = TestFiles.Load($"ir/samples/{name}");
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecHasher.Canonicalize(document))));

        var owned = document.DeepClone();
        SpecNormalizer.NormalizeInPlace(owned);

        Assert.Equal(expected, SpecNormalizer.Hash(owned));
        Assert.Equal(expected, SpecHasher.ComputeHash(document));
    }

    [Fact]
    public void Write_AwkwardStringsAndNumbers_SameBytesAsCanonicalText()
    {
        var node = new JsonObject
        {
            ["z"] = "quote \" backslash \\ newline \n tab \t bell \u0007 é 漢字 🎉",
            ["a"] = new JsonArray(1.0, 2.5, -0.0, 1e300, 12345678901234567890d, true, false, null),
            ["m"] = new JsonObject { ["b"] = new string('x', 40_000) + "\u0001", ["a"] = new JsonObject() },
        };
        using var bytes = new MemoryStream();

        CanonicalJsonStream.Write(node, bytes);

        Assert.Equal(CanonicalJson.Write(node, indented: false), Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public async Task CompileAsync_CachedResults_AreIndependentCopies()
    {
        using var folder = new TempFolder();
        folder.Copy("ir/samples/hello_world.yaml", "p.yaml");
        var compiler = new PipelineCompiler();
        var request = new CompileRequest("p.yaml") { BaseDirectory = folder.Path };

        var first = await compiler.CompileAsync(request, CancellationToken.None);
        var second = await compiler.CompileAsync(request, CancellationToken.None);
        first.Spec["pipelineInfo"]!["name"] = "changed";

        Assert.Equal("echo", second.Spec["pipelineInfo"]!["name"]!.GetValue<string>());
        Assert.NotSame(first.Spec, second.Spec);
        Assert.Same(first.Spec, first.Spec);
        Assert.Equal(first.SpecHash, second.SpecHash);
    }
}
