using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Protocol.Grpc;
using static Kfp.Provider.Tests.Lifecycle.RunTestKit;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// A pipeline's version history on a server that behaves like KFP: rollbacks reach what follows the latest version,
/// imports and adoptions reuse what is there, a description never destroys history, refresh tells the truth.
/// </summary>
public sealed class PipelineHistoryTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:Pipeline";

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

    private static IReadOnlyList<string> List(PropertyMap map, string key) =>
        [.. Assert.IsType<ArrayValue>(map.Get(key).Plain).Items.Select(i => ((StringValue)i).Value)];

    [Fact]
    public async Task Rollback_RecurringRunWithoutVersion_RunsTheProgramsSpecWhenTheClockMoves()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var a = fixture.AddSource("rollback-a.yaml", Definition("first"));
        var b = fixture.AddSource("rollback-b.yaml", Definition("second"));
        var pipelines = new LifecycleTest(fixture.Client, Type, "rollback");
        var first = await pipelines.CreateAsync(Inputs("rollback", a), PropertyMap.Empty);
        var second = await UpdateAsync(pipelines, first, Inputs("rollback", b));
        var rolledBack = await UpdateAsync(pipelines, second, Inputs("rollback", a));
        var schedules = new LifecycleTest(fixture.Client, "kfp:index:RecurringRun", "follow-latest");
        var schedule = await schedules.CreateAsync(PropertyMap.Empty.With("name", PropertyValue.Of("follow-latest"))
            .With("pipelineId", PropertyValue.Of(first.Id)).With("intervalSeconds", PropertyValue.Of(3600)), PropertyMap.Empty);

        await PostAsync(fixture, "/_emulator/clock", new { advanceSeconds = 3601 });

        var runs = (await kfp.GetAsync("/apis/v2beta1/runs?page_size=100"))["runs"]!.AsArray()
            .Where(r => Json(r, "recurring_run_id") == schedule.Id).ToList();
        var run = Assert.Single(runs);
        var ranVersion = Json(run, "pipeline_version_reference.pipeline_version_id");
        Assert.Equal(Text(rolledBack.Outputs, "specHash"), Text(first.Outputs, "specHash"));
        Assert.Equal(Text(rolledBack.Outputs, "versionId"), ranVersion);
        Assert.NotEqual(Text(first.Outputs, "versionId"), ranVersion);
        Assert.StartsWith(Text(first.Outputs, "versionName") + "-", Text(rolledBack.Outputs, "versionName"), StringComparison.Ordinal);
        Assert.Contains("first", (await kfp.GetAsync($"/apis/v2beta1/pipelines/{first.Id}/versions/{ranVersion}")).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, List(rolledBack.Outputs, "versionIds").Count);
        await fixture.Client.DeleteAsync(schedules.Urn, schedule.Id, schedule.Outputs, schedule.Inputs);
        await fixture.Client.DeleteAsync(pipelines.Urn, rolledBack.Id, rolledBack.Outputs, rolledBack.Inputs);
    }

    [Fact]
    public async Task Diff_NewerVersionRegisteredByHand_ShowsDriftAndUpdateMakesTheProgramsSpecLatestAgain()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var pipelines = new LifecycleTest(fixture.Client, Type, "hand-upload");
        var state = await pipelines.CreateAsync(Inputs("hand-upload", fixture.AddSource("hand-a.yaml", Definition("mine"))), PropertyMap.Empty);
        await PostAsync(fixture, "/_emulator/clock", new { advanceSeconds = 5 });
        var byHand = await UploadAsync($"/apis/v2beta1/pipelines/upload_version?pipelineid={state.Id}&name=by-hand", Sample("hello_world.yaml"));

        var diff = await fixture.Client.DiffAsync(pipelines.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);
        var updated = PropertyValueCodec.FromStruct((await fixture.Client.UpdateAsync(pipelines.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs, preview: false)).Properties);

        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, diff.Changes);
        Assert.False(diff.DetailedDiff["specHash"].InputDiff);
        var latest = (await kfp.GetAsync($"/apis/v2beta1/pipelines/{state.Id}/versions?sort_by=created_at%20desc&page_size=1"))["pipeline_versions"]![0]!;
        Assert.Equal(Text(updated, "versionId"), Json(latest, "pipeline_version_id"));
        Assert.NotEqual(Text(state.Outputs, "versionId"), Text(updated, "versionId"));
        await kfp.DeleteAsync($"/apis/v2beta1/pipelines/{state.Id}/versions/{byHand["pipeline_version_id"]}");
        await fixture.Client.DeleteAsync(pipelines.Urn, state.Id, updated, state.Inputs);
    }

    [Fact]
    public async Task Import_PipelineUploadedOutsidePulumi_FirstUpWritesNothing()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var uploaded = await UploadAsync("/apis/v2beta1/pipelines/upload?name=imported-hello", Sample("hello_world.yaml"));
        var id = uploaded["pipeline_id"]!.GetValue<string>();
        var urn = "urn:pulumi:test::lifecycle::kfp:index:Pipeline::imported-hello";
        var read = await fixture.Client.ReadAsync(urn, id, null, null);
        var check = await fixture.Client.CheckAsync(urn, PropertyValueCodec.FromStruct(read.Inputs),
            Inputs("imported-hello", fixture.AddSample("hello_world.yaml", "imported-hello.yaml"), ("keepVersions", PropertyValue.Of(3))));
        var news = PropertyValueCodec.FromStruct(check.Inputs);
        var outputs = PropertyValueCodec.FromStruct(read.Properties);
        var oldInputs = PropertyValueCodec.FromStruct(read.Inputs);
        await kfp.GetAsync("/_emulator/requests?reset=true");

        var diff = await fixture.Client.DiffAsync(urn, id, outputs, oldInputs, news);
        var updated = diff.Changes == DiffResponse.Types.DiffChanges.DiffSome
            ? PropertyValueCodec.FromStruct((await fixture.Client.UpdateAsync(urn, id, outputs, oldInputs, news, preview: false)).Properties)
            : outputs;

        Assert.Equal(Text(outputs, "specHash"), Text(news, "specHash"));
        var writes = (await kfp.GetAsync("/_emulator/requests"))["requests"]!.AsArray().Where(r => Json(r, "method") != "GET").ToList();
        Assert.Empty(writes);
        var version = Assert.Single(await kfp.VersionIdsAsync(id));
        Assert.Equal(version, Text(updated, "versionId"));
        await fixture.Client.DeleteAsync(urn, id, updated, news);
    }

    [Fact]
    public async Task Update_DescriptionChanged_KeepsThePipelineAndItsVersionsWarnsAndNewVersionsCarryIt()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        await using var engine = await FakeEngine.StartAsync();
        await fixture.Client.CallAsync("Handshake", new ProviderHandshakeRequest { EngineAddress = engine.Address }, ProviderHandshakeResponse.Parser);
        var one = fixture.AddSource("described-1.yaml", Definition("one"));
        var test = new LifecycleTest(fixture.Client, Type, "described");
        string? pipelineId = null, firstVersion = null;

        await test.RunAsync(
            new LifecycleStep(Inputs("described", one, ("description", PropertyValue.Of("old words"))), s =>
            {
                pipelineId = s.Id;
                firstVersion = Text(s.Outputs, "versionId");
            }),
            new LifecycleStep(Inputs("described", one, ("description", PropertyValue.Of("new words"))), s =>
            {
                Assert.Equal(pipelineId, s.Id);
                Assert.Equal(PropertyDiff.Types.Kind.Update, s.LastDiff!.DetailedDiff["description"].Kind);
                Assert.Equal([firstVersion!], kfp.VersionIdsAsync(s.Id).Result);
                var warning = engine.NextLogAsync().Result;
                Assert.Equal(LogSeverity.Warning, warning.Severity);
                Assert.Contains("cannot change the description", warning.Message, StringComparison.Ordinal);
                Assert.Equal(test.Urn, warning.Urn);
            }) { ExpectReplace = false },
            new LifecycleStep(Inputs("described", fixture.AddSource("described-2.yaml", Definition("two")), ("description", PropertyValue.Of("new words"))), s =>
            {
                Assert.Equal(pipelineId, s.Id);
                var version = kfp.GetAsync($"/apis/v2beta1/pipelines/{s.Id}/versions/{Text(s.Outputs, "versionId")}").Result;
                Assert.Equal("new words", Json(version, "description"));
                Assert.Equal(2, kfp.VersionIdsAsync(s.Id).Result.Count);
            }) { ExpectReplace = false });
    }

    [Fact]
    public async Task Read_VersionDeletedByHand_LeavesVersionIds()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var test = new LifecycleTest(fixture.Client, Type, "forgetful");
        var first = await test.CreateAsync(Inputs("forgetful", fixture.AddSource("forget-1.yaml", Definition("one"))), PropertyMap.Empty);
        var second = await UpdateAsync(test, first, Inputs("forgetful", fixture.AddSource("forget-2.yaml", Definition("two"))));
        await kfp.DeleteAsync($"/apis/v2beta1/pipelines/{first.Id}/versions/{Text(first.Outputs, "versionId")}");

        var read = PropertyValueCodec.FromStruct((await fixture.Client.ReadAsync(test.Urn, second.Id, second.Outputs, second.Inputs)).Properties);

        Assert.Equal([Text(second.Outputs, "versionId")], List(read, "versionIds"));
        Assert.Equal(Text(second.Outputs, "versionId"), Text(read, "versionId"));
        await fixture.Client.DeleteAsync(test.Urn, second.Id, read, second.Inputs);
    }

    [Fact]
    public async Task Create_IdenticalPipelineHoldsTheName_AdoptsIt()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var existing = await PostAsync(fixture, "/apis/v2beta1/pipelines", new { name = "adopt-me", display_name = "adopt-me" });
        var test = new LifecycleTest(fixture.Client, Type, "adopt-me");

        var state = await test.CreateAsync(Inputs("adopt-me", fixture.AddSource("adopt.yaml", Definition("adopted"))), PropertyMap.Empty);

        Assert.Equal(existing["pipeline_id"]!.GetValue<string>(), state.Id);
        Assert.Equal([Text(state.Outputs, "versionId")], await kfp.VersionIdsAsync(state.Id));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Create_DifferentPipelineHoldsTheName_FailsSayingHowToImport()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var uploaded = await UploadAsync("/apis/v2beta1/pipelines/upload?name=taken-name", Sample("hello_world.yaml"));
        var test = new LifecycleTest(fixture.Client, Type, "taken");

        var e = await Assert.ThrowsAsync<GrpcCallException>(() =>
            test.CreateAsync(Inputs("taken-name", fixture.AddSource("taken.yaml", Definition("other"))), PropertyMap.Empty));

        Assert.Contains($"pulumi import kfp:index:Pipeline taken {uploaded["pipeline_id"]}", e.Message, StringComparison.Ordinal);
        Assert.Single(await kfp.VersionIdsAsync(uploaded["pipeline_id"]!.GetValue<string>()));
    }

    private async Task<LifecycleState> UpdateAsync(LifecycleTest test, LifecycleState state, PropertyMap inputs)
    {
        var news = PropertyValueCodec.FromStruct((await fixture.Client.CheckAsync(test.Urn, state.Inputs, inputs)).Inputs);
        var outputs = PropertyValueCodec.FromStruct((await fixture.Client.UpdateAsync(test.Urn, state.Id, state.Outputs, state.Inputs, news, preview: false)).Properties);
        return new LifecycleState(state.Id, news, outputs, null);
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", name));

    /// <summary>Uploads a spec as a user would with the KFP SDK or UI (multipart, part <c>uploadfile</c>).</summary>
    private async Task<JsonObject> UploadAsync(string pathAndQuery, string spec)
    {
        using var http = new HttpClient { BaseAddress = fixture.Emulator.KfpUrl };
        using var form = new MultipartFormDataContent { { new StringContent(spec), "uploadfile", "pipeline.yaml" } };
        using var response = await http.PostAsync(new Uri(pathAndQuery, UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {pathAndQuery}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
