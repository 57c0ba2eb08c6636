using System.Text.Json.Nodes;

namespace Kfp.Compiler.Tests.Ir;

/// <summary>
/// <see cref="ProtoDefaults.Strip"/> against the table of uploads and what a KFP server stores for them
/// (TestData/proto-defaults/cases.json; the emulator's re-save is tested against the same table).
/// </summary>
public sealed class ProtoDefaultsTests
{
    private static JsonArray Cases => JsonNode.Parse(TestFiles.Read("proto-defaults/cases.json"))!.AsArray();

    public static TheoryData<int> CaseIndexes
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < Cases.Count; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }

    public static TheoryData<string> SdkSamples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var folder in new[] { "ir/samples", "ir/platform", "ir/golden" })
            {
                foreach (var name in TestFiles.Names(folder))
                {
                    data.Add($"{folder}/{name}");
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Strip_Upload_IsWhatTheServerStores(int index)
    {
        var @case = Cases[index]!;

        var stripped = ProtoDefaults.Strip(Document(@case["upload"]!));

        var expected = SpecHasher.Canonicalize(Document(@case["stored"]!), indented: true);
        var actual = SpecHasher.Canonicalize(stripped, indented: true);
        Assert.True(expected == actual, $"{@case["name"]}:\n{LineDiff.Unified(expected, actual)}");
    }

    [Theory]
    [MemberData(nameof(SdkSamples))]
    public void Strip_SdkCompiledSample_ChangesNothing(string path)
    {
        // The KFP SDK writes its IR with protobuf's own JSON mapping, so there is no default left to drop.
        var sample = TestFiles.Load(path);

        Assert.Equal(SpecHasher.ComputeHash(sample), SpecHasher.ComputeHash(ProtoDefaults.Strip(sample)));
    }

    [Fact]
    public void Strip_HandWrittenDefaults_HashLikeTheServersCopy()
    {
        var written = TestFiles.Load("ir/samples/hello_world.yaml").DeepClone();
        var task = written.PipelineSpec["root"]!["dag"]!["tasks"]!.AsObject().First().Value!.AsObject();
        task["dependentTasks"] = new JsonArray();
        written.PipelineSpec["pipelineInfo"]!["description"] = "";

        var stripped = ProtoDefaults.Strip(written);

        Assert.DoesNotContain("dependentTasks", stripped.PipelineSpec.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("description", stripped.PipelineSpec.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(SpecHasher.ComputeHash(TestFiles.Load("ir/samples/hello_world.yaml")), SpecHasher.ComputeHash(stripped));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void StripOwned_Upload_SameAsTheCopyingForm(int index)
    {
        // The compiler strips the document it loaded in place; it must store exactly what the copying form does.
        var upload = Document(Cases[index]!["upload"]!);
        var expected = SpecHasher.Canonicalize(ProtoDefaults.Strip(upload), indented: true);

        var owned = ProtoDefaults.StripOwned(upload.DeepClone());

        var actual = SpecHasher.Canonicalize(owned, indented: true);
        Assert.True(expected == actual, $"{Cases[index]!["name"]}:\n{LineDiff.Unified(expected, actual)}");
        Assert.Equal(ProtoDefaults.Strip(upload).PipelineSpec.Select(p => p.Key).Order(StringComparer.Ordinal), owned.PipelineSpec.Select(p => p.Key));
    }

    [Fact]
    public void Strip_Document_LeavesInputUntouched()
    {
        var upload = Document(Cases[0]!["upload"]!);
        var before = upload.PipelineSpec.ToJsonString();

        _ = ProtoDefaults.Strip(upload);

        Assert.Equal(before, upload.PipelineSpec.ToJsonString());
    }

    [Fact]
    public void Strip_Twice_SameAsOnce()
    {
        foreach (var @case in Cases)
        {
            var once = ProtoDefaults.Strip(Document(@case!["upload"]!));

            Assert.Equal(SpecHasher.Canonicalize(once), SpecHasher.Canonicalize(ProtoDefaults.Strip(once)));
        }
    }

    private static IrDocument Document(JsonNode wrapper) =>
        new((JsonObject)wrapper["pipeline_spec"]!.DeepClone(), (JsonObject?)wrapper["platform_spec"]?.DeepClone());
}
