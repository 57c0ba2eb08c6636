using System.Runtime.CompilerServices;
using Kfp.Compiler.Compilation;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler.Tests.Compilation;

/// <summary>
/// The compile caches keep a result as its canonical bytes: what callers get back from them (hash, copies, upload YAML)
/// is what they got when the caches kept the nodes, and the nodes themselves are not kept alive.
/// </summary>
public sealed class CompileArtifactTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "ir/samples", "ir/platform" })
        {
            foreach (var name in TestFiles.Names(folder))
            {
                data.Add($"{folder}/{name}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void FromDocument_CopyHashAndYaml_AsFromTheNodes(string sample)
    {
        var normal = Normalised(sample, out var volatileKeys);
        var expected = normal.DeepClone();
        var expectedYaml = YamlWithVolatileKeys(normal.DeepClone(), volatileKeys);

        var artifact = CompileArtifact.FromDocument("/p.yaml", "ir", normal, volatileKeys);
        var copy = artifact.Copy();

        Assert.Equal(SpecNormalizer.Hash(expected), artifact.SpecHash);
        Assert.Equal(artifact.SpecHash, SpecNormalizer.Hash(copy));
        Assert.Equal(expected.PipelineSpec.ToJsonString(), copy.PipelineSpec.ToJsonString());
        Assert.Equal(expected.PlatformSpec?.ToJsonString(), copy.PlatformSpec?.ToJsonString());
        Assert.Equal(expected.PlatformSpec is not null, artifact.HasPlatform);
        Assert.Equal(expectedYaml, artifact.Yaml);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    public void FromDocument_BufferSizedAnyway_KeepsExactlyTheCanonicalBytes(int timesTheSize)
    {
        // Sized exactly, the buffer written is kept; much larger, its bytes are copied out; unsized, it grows as it goes.
        var normal = Normalised("ir/platform/config_map_as_env.yaml", out var volatileKeys);
        using var direct = new MemoryStream();
        SpecNormalizer.WriteHashed(normal, direct);
        var expected = direct.ToArray();

        var artifact = CompileArtifact.FromDocument("/p.yaml", "ir", normal, volatileKeys, expected.Length * timesTheSize);
        using var written = new MemoryStream();
        artifact.WriteCanonical(written);

        Assert.Equal(expected, written.ToArray());
        Assert.Equal(artifact.SpecHash, SpecNormalizer.Hash(artifact.Copy()));
    }

    [Fact]
    public void Copy_EachCallIsTheCallersOwn()
    {
        var artifact = CompileArtifact.FromDocument("/p.yaml", "ir", Normalised("ir/samples/hello_world.yaml", out var volatileKeys), volatileKeys);

        var first = artifact.Copy();
        first.PipelineSpec["pipelineInfo"]!["name"] = "changed";

        Assert.Equal("echo", artifact.Copy().PipelineName);
        Assert.Equal("echo", artifact.PipelineName);
    }

    [Fact]
    public void FromDocument_DoesNotKeepTheDocumentsNodes()
    {
        var (artifact, nodes) = ArtifactAndWeakNodes("ir/samples/hello_world.yaml");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(nodes.IsAlive, "the artifact still references the compiled document's nodes");
        Assert.Equal("echo", artifact.Copy().PipelineName);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (CompileArtifact Artifact, WeakReference Nodes) ArtifactAndWeakNodes(string sample)
    {
        var normal = Normalised(sample, out var volatileKeys);
        return (CompileArtifact.FromDocument("/p.yaml", "ir", normal, volatileKeys), new WeakReference(normal.PipelineSpec));
    }

    /// <summary>What the compiler hands the cache: defaults stripped and keys sorted in place, volatile keys taken out.</summary>
    private static IrDocument Normalised(string sample, out System.Text.Json.Nodes.JsonObject volatileKeys)
    {
        var document = ProtoDefaults.StripOwned(TestFiles.Load(sample));
        volatileKeys = SpecNormalizer.NormalizeInPlace(document);
        return document;
    }

    private static string YamlWithVolatileKeys(IrDocument document, System.Text.Json.Nodes.JsonObject volatileKeys)
    {
        foreach (var (key, value) in volatileKeys.Where(p => !document.PipelineSpec.ContainsKey(p.Key)))
        {
            document.PipelineSpec[key] = value?.DeepClone();
        }

        return IrYamlWriter.Write(document);
    }
}
