using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class PipelineLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:Pipeline";

    private static readonly string[] CopyCommand = ["python3", "-c", "import shutil,sys; shutil.copy(sys.argv[1], sys.argv[2])", "{source}", "{output}"];

    private static string Definition(string greeting) => $$"""
        pipeline:
          name: greeter
          tasks:
            - component: say
        components:
          say:
            image: alpine:3.20
            command: [echo]
            args: ["{{greeting}}"]
        """;

    private static PropertyMap Inputs(string name, string source, params (string Key, PropertyValue Value)[] extra) =>
        extra.Aggregate(PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("source", PropertyValue.Of(source)), (m, e) => m.With(e.Key, e.Value));

    private static string Text(PropertyMap map, string key) => Assert.IsType<StringValue>(map.Get(key).Plain).Value;

    private static IReadOnlyList<string> List(PropertyMap map, string key) =>
        [.. Assert.IsType<ArrayValue>(map.Get(key).Plain).Items.Select(i => ((StringValue)i).Value)];

    [Fact]
    public async Task Lifecycle_SpecChangeUploadsVersion_NoChangeWritesNothing_KeepVersionsPrunes()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var source = fixture.AddSource("greeter-life.yaml", Definition("hello"));
        var test = new LifecycleTest(fixture.Client, Type, "greeter");
        string? firstHash = null, firstVersion = null, pipelineId = null;

        await test.RunAsync(
            new LifecycleStep(Inputs("greeter-life", source, ("framework", PropertyValue.Of("definition"))), s =>
            {
                pipelineId = s.Id;
                firstHash = Text(s.Outputs, "specHash");
                firstVersion = Text(s.Outputs, "versionId");
                Assert.StartsWith("sha256:", firstHash, StringComparison.Ordinal);
                Assert.Equal("v-" + firstHash[7..19], Text(s.Outputs, "versionName"));
                Assert.Equal([firstVersion], List(s.Outputs, "versionIds"));
            }),
            new LifecycleStep(Inputs("greeter-life", source, ("framework", PropertyValue.Of("definition")))) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("greeter-life", fixture.AddSource("greeter-life-2.yaml", Definition("hello again")), ("framework", PropertyValue.Of("definition"))), s =>
            {
                Assert.Equal(pipelineId, s.Id);
                Assert.NotEqual(firstHash, Text(s.Outputs, "specHash"));
                Assert.Equal(PropertyDiff.Types.Kind.Update, s.LastDiff!.DetailedDiff["specHash"].Kind);
                Assert.Equal(2, List(s.Outputs, "versionIds").Count);
                Assert.Equal(2, kfp.VersionIdsAsync(s.Id).Result.Count);
            }) { ExpectReplace = false },
            new LifecycleStep(Inputs("greeter-life", fixture.AddSource("greeter-life-3.yaml", Definition("third")),
                ("framework", PropertyValue.Of("definition")), ("keepVersions", PropertyValue.Of(0))), s =>
            {
                Assert.Equal([Text(s.Outputs, "versionId")], kfp.VersionIdsAsync(s.Id).Result);
                Assert.Equal([Text(s.Outputs, "versionId")], List(s.Outputs, "versionIds"));
            }));

        Assert.Equal(404, await kfp.StatusOfGetAsync($"/apis/v2beta1/pipelines/{pipelineId}"));
    }

    [Fact]
    public async Task Diff_VersionDeletedOutOfBand_ShowsDriftAndUpdateRepairs()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var test = new LifecycleTest(fixture.Client, Type, "drift");
        var state = await test.CreateAsync(Inputs("drift-pipeline", fixture.AddSample("hello_world.yaml")), PropertyMap.Empty);
        await kfp.DeleteAsync($"/apis/v2beta1/pipelines/{state.Id}/versions/{Text(state.Outputs, "versionId")}");

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
        var refreshed = PropertyValueCodec.FromStruct(read.Properties);
        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, refreshed, PropertyValueCodec.FromStruct(read.Inputs), state.Inputs);
        var update = await fixture.Client.UpdateAsync(test.Urn, state.Id, refreshed, state.Inputs, state.Inputs, preview: false);

        Assert.Equal("", Text(refreshed, "versionId"));
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, diff.Changes);
        Assert.False(diff.DetailedDiff["specHash"].InputDiff);
        Assert.Empty(diff.Replaces);
        var repaired = PropertyValueCodec.FromStruct(update.Properties);
        Assert.Equal([Text(repaired, "versionId")], await kfp.VersionIdsAsync(state.Id));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, repaired, state.Inputs);
    }

    [Fact]
    public async Task Check_YamlAndJsonOfOnePipeline_HashTheSame()
    {
        var yaml = fixture.AddSample("add_numbers.yaml");
        var json = fixture.AddSource("add_numbers.json", SampleAsJson("add_numbers.yaml"));

        var fromYaml = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::y", PropertyMap.Empty, Inputs("io", yaml));
        var fromJson = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::j", PropertyMap.Empty, Inputs("io", json, ("framework", PropertyValue.Of("ir"))));

        Assert.Empty(fromYaml.Failures);
        Assert.Empty(fromJson.Failures);
        Assert.Equal(Text(PropertyValueCodec.FromStruct(fromYaml.Inputs), "specHash"), Text(PropertyValueCodec.FromStruct(fromJson.Inputs), "specHash"));
    }

    [Theory]
    [InlineData("invalid/no_name.yaml")]
    [InlineData("invalid/invalid_yaml.yaml")]
    [InlineData("invalid/empty_file.yaml")]
    public async Task Check_InvalidSample_FailsOnSourceNamingTheProblem(string sample)
    {
        var source = fixture.AddSample(sample, "bad-" + Path.GetFileName(sample));

        var check = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::bad", PropertyMap.Empty,
            Inputs("bad", source, ("framework", PropertyValue.Of("ir"))));

        var failure = Assert.Single(check.Failures);
        Assert.Equal("source", failure.Property);
        Assert.Contains(source, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePreview_NewSpec_MarksVersionOutputsUnknownAndKeepsTheRest()
    {
        var test = new LifecycleTest(fixture.Client, Type, "preview-update");
        var state = await test.CreateAsync(Inputs("preview-update", fixture.AddSource("pu-1.yaml", Definition("one"))), PropertyMap.Empty);
        var check = await fixture.Client.CheckAsync(test.Urn, state.Inputs, Inputs("preview-update", fixture.AddSource("pu-2.yaml", Definition("two"))));

        var preview = await fixture.Client.UpdateAsync(test.Urn, state.Id, state.Outputs, state.Inputs, PropertyValueCodec.FromStruct(check.Inputs), preview: true);

        var outputs = PropertyValueCodec.FromStruct(preview.Properties);
        Assert.IsType<UnknownValue>(outputs["versionId"]);
        Assert.IsType<UnknownValue>(outputs["versionIds"]);
        Assert.Equal(Text(state.Outputs, "pipelineId"), Text(outputs, "pipelineId"));
        Assert.Equal(state.Outputs.Has("namespace"), outputs.Has("namespace"));
        Assert.NotEqual(Text(state.Outputs, "specHash"), Text(outputs, "specHash"));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Check_NewsHoldingItsOwnSpecHash_RecomputesIt()
    {
        var inputs = Inputs("recheck", fixture.AddSample("hello_world.yaml", "recheck.yaml"));
        var first = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::r", PropertyMap.Empty, inputs)).Inputs);

        var again = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::r", first, first.With("specHash", PropertyValue.Of("sha256:stale")));

        Assert.Empty(again.Failures);
        Assert.Equal(Text(first, "specHash"), Text(PropertyValueCodec.FromStruct(again.Inputs), "specHash"));
    }

    [Fact]
    public async Task Update_DisplayNameChanged_RenamesInPlaceWithoutANewVersion()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var source = fixture.AddSample("hello_world.yaml", "rename.yaml");
        var test = new LifecycleTest(fixture.Client, Type, "rename");

        var final = await test.RunAsync(
            new LifecycleStep(Inputs("rename-me", source), s => Assert.Equal("rename-me", Text(s.Outputs, "displayName"))),
            new LifecycleStep(Inputs("rename-me", source, ("displayName", PropertyValue.Of("Nightly training"))), s =>
            {
                Assert.Equal(PropertyDiff.Types.Kind.Update, s.LastDiff!.DetailedDiff["displayName"].Kind);
                Assert.Equal("Nightly training", kfp.GetAsync($"/apis/v2beta1/pipelines/{s.Id}").Result["display_name"]!.GetValue<string>());
                Assert.Single(List(s.Outputs, "versionIds"));
            }) { ExpectReplace = false });

        Assert.Equal("Nightly training", Text(final.Outputs, "displayName"));
    }

    [Fact]
    public async Task Check_UnknownSourceInPreview_HashIsUnknown()
    {
        var check = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::u", PropertyMap.Empty,
            PropertyMap.Empty.With("name", PropertyValue.Of("u")).With("source", PropertyValue.Unknown));

        Assert.Empty(check.Failures);
        Assert.IsType<UnknownValue>(PropertyValueCodec.FromStruct(check.Inputs)["specHash"]);
    }

    [Fact]
    public async Task Read_ImportWithIdOnly_HashesTheLiveSpecLikeCheck()
    {
        var test = new LifecycleTest(fixture.Client, Type, "imported");
        var state = await test.CreateAsync(Inputs("to-import", fixture.AddSample("pipeline_with_after.yaml")), PropertyMap.Empty);

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, null, null);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        Assert.Equal("to-import", Text(inputs, "name"));
        Assert.Equal(Text(state.Outputs, "specHash"), Text(inputs, "specHash"));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Framework_ExternalCompiler_CompilesThroughItsConfigMap()
    {
        var frameworks = new LifecycleTest(fixture.Client, "kfp:index:Framework", "copier");
        var framework = await frameworks.CreateAsync(PropertyMap.Empty
            .With("name", PropertyValue.Of("copier"))
            .With("command", PropertyValue.Of(CopyCommand.Select(PropertyValue.Of)))
            .With("timeoutSeconds", PropertyValue.Of(60)), PropertyMap.Empty);
        var source = fixture.AddSample("hello_world.yaml", "hello.pipeline");
        var pipelines = new LifecycleTest(fixture.Client, Type, "via-framework");

        var pipeline = await pipelines.CreateAsync(Inputs("via-framework", source, ("framework", PropertyValue.Of("copier"))), PropertyMap.Empty);
        var direct = await fixture.Client.CheckAsync("urn:pulumi:test::p::kfp:index:Pipeline::d", PropertyMap.Empty, Inputs("d", fixture.AddSample("hello_world.yaml")));

        Assert.Equal("kubeflow/kfp-framework-copier", framework.Id);
        Assert.Equal(Text(PropertyValueCodec.FromStruct(direct.Inputs), "specHash"), Text(pipeline.Outputs, "specHash"));
        await fixture.Client.DeleteAsync(pipelines.Urn, pipeline.Id, pipeline.Outputs, pipeline.Inputs);
        await fixture.Client.DeleteAsync(frameworks.Urn, framework.Id, framework.Outputs, framework.Inputs);
    }

    [Fact]
    public async Task Invoke_CompilePipeline_ReturnsSpecAndHash()
    {
        var source = fixture.AddSample("hello_world.yaml", "invoke.yaml");
        var response = await fixture.Client.CallAsync("Invoke", new InvokeRequest
        {
            Tok = "kfp:index:compilePipeline",
            Args = PropertyValueCodec.ToStruct(PropertyMap.Empty.With("source", PropertyValue.Of(source))),
        }, InvokeResponse.Parser);

        var result = PropertyValueCodec.FromStruct(response.Return);
        Assert.Empty(response.Failures);
        Assert.StartsWith("sha256:", Text(result, "specHash"), StringComparison.Ordinal);
        Assert.Contains("schemaVersion", Text(result, "spec"), StringComparison.Ordinal);
        Assert.Equal("echo", Text(result, "pipelineName"));
    }

    /// <summary>The sample as one-line JSON with its keys reversed: another text of the same pipeline.</summary>
    private static string SampleAsJson(string sample)
    {
        var document = Kfp.Compiler.IrLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", sample)), sample);
        return Reversed(document.PipelineSpec)!.ToJsonString();
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Reversed)]),
        _ => node?.DeepClone(),
    };
}
