using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using static Kfp.Provider.Tests.Lifecycle.RunTestKit;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class RecurringRunLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:RecurringRun";

    private static PropertyMap Inputs(string name, string pipelineId, params (string Key, PropertyValue Value)[] extra) =>
        extra.Aggregate(PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("pipelineId", PropertyValue.Of(pipelineId)), (m, e) => m.With(e.Key, e.Value));

    private static string Path(string id) => $"/apis/v2beta1/recurringruns/{id}";

    [Fact]
    public async Task Lifecycle_CreateNoChangeDisableCronChangeDelete_MatchesKfp()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "rr-life-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "nightly");
        var parameters = ("parameters", Parameters(1, 2));
        string? firstId = null;

        var final = await test.RunAsync(
            new LifecycleStep(Inputs("nightly", pipelineId, ("cron", PropertyValue.Of("0 2 * * *")), parameters), s =>
            {
                firstId = s.Id;
                var live = kfp.GetAsync(Path(s.Id)).Result;
                Assert.Equal("ENABLE", Json(live, "mode"));
                Assert.Equal("ENABLED", Json(live, "status"));
                Assert.Equal("0 0 2 * * *", Json(live, "trigger.cron_schedule.cron"));
                Assert.Equal("1", Json(live, "max_concurrency"));
                Assert.Equal("true", Json(live, "no_catchup"));
                Assert.Equal("2", Json(live, "runtime_config.parameters.b"));
                Assert.Equal(pipelineId, Json(live, "pipeline_version_reference.pipeline_id"));
                Assert.Equal("", Json(live, "pipeline_version_reference.pipeline_version_id"));
                Assert.Equal("0 2 * * *", Text(s.Inputs, "cron"));
                Assert.Equal("0 0 2 * * *", Text(s.Outputs, "kfpCron"));
                Assert.Equal(s.Id, Text(s.Outputs, "recurringRunId"));
                Assert.Equal("ENABLED", Text(s.Outputs, "status"));
                Assert.True(Bool(s.Outputs, "enabled"));
                Assert.NotEqual("", Text(s.Outputs, "createdAt"));
            }),
            new LifecycleStep(Inputs("nightly", pipelineId, ("cron", PropertyValue.Of("0 2 * * *")), parameters)) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            // KFP's own spelling of the same schedule is no change.
            new LifecycleStep(Inputs("nightly", pipelineId, ("cron", PropertyValue.Of("0  0 2 * * *")), parameters)) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("nightly", pipelineId, ("cron", PropertyValue.Of("0 2 * * *")), parameters, ("enabled", PropertyValue.Of(false))), s =>
            {
                Assert.Equal(firstId, s.Id);
                Assert.Equal(PropertyDiff.Types.Kind.Update, s.LastDiff!.DetailedDiff["enabled"].Kind);
                Assert.True(s.LastDiff.DetailedDiff["enabled"].InputDiff);
                Assert.Equal("DISABLED", Json(kfp.GetAsync(Path(s.Id)).Result, "status"));
                Assert.Equal("DISABLED", Text(s.Outputs, "status"));
                Assert.False(Bool(s.Outputs, "enabled"));
            }) { ExpectReplace = false },
            new LifecycleStep(Inputs("nightly", pipelineId, ("cron", PropertyValue.Of("0 3 * * *")), parameters, ("enabled", PropertyValue.Of(false))), s =>
            {
                Assert.NotEqual(firstId, s.Id);
                Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, s.LastDiff!.DetailedDiff["cron"].Kind);
                Assert.Equal("0 3 * * *", Text(s.Inputs, "cron"));
                Assert.Equal("0 0 3 * * *", Text(s.Outputs, "kfpCron"));
                Assert.Equal(404, kfp.StatusOfGetAsync(Path(firstId!)).Result);
                var live = kfp.GetAsync(Path(s.Id)).Result;
                Assert.Equal("0 0 3 * * *", Json(live, "trigger.cron_schedule.cron"));
                Assert.Equal("DISABLE", Json(live, "mode"));
                Assert.Equal("DISABLED", Json(live, "status"));
            }) { ExpectReplace = true });

        Assert.Equal(404, await kfp.StatusOfGetAsync(Path(final.Id)));
    }

    [Fact]
    public async Task Diff_DisabledOutOfBand_ShowsDriftOnEnabledAndUpdateEnablesAgain()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, versionId) = await PipelineAsync(fixture, "rr-drift-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "drift");
        var state = await test.CreateAsync(Inputs("drift", pipelineId, ("pipelineVersionId", PropertyValue.Of(versionId)),
            ("intervalSeconds", PropertyValue.Of(3600)), ("parameters", Parameters(3, 4))), PropertyMap.Empty);
        await PostAsync(fixture, Path(state.Id) + ":disable");

        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);
        var preview = await fixture.Client.UpdateAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs, preview: true);
        var previewStatus = Json(await kfp.GetAsync(Path(state.Id)), "status");
        var updated = await fixture.Client.UpdateAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs, preview: false);

        Assert.Equal(DiffResponse.Types.DiffChanges.DiffSome, diff.Changes);
        Assert.Equal(["enabled"], diff.DetailedDiff.Keys);
        Assert.Equal(PropertyDiff.Types.Kind.Update, diff.DetailedDiff["enabled"].Kind);
        Assert.False(diff.DetailedDiff["enabled"].InputDiff);
        Assert.Empty(diff.Replaces);
        Assert.Equal("DISABLED", previewStatus);
        Assert.Equal("ENABLED", Text(PropertyValueCodec.FromStruct(preview.Properties), "status"));
        Assert.Equal("ENABLED", Json(await kfp.GetAsync(Path(state.Id)), "status"));
        Assert.Equal("ENABLED", Text(PropertyValueCodec.FromStruct(updated.Properties), "status"));
        var again = await fixture.Client.DiffAsync(test.Urn, state.Id, PropertyValueCodec.FromStruct(updated.Properties), state.Inputs, state.Inputs);
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, again.Changes);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Read_DeletedOutOfBand_ReportsGoneAndDiffReplaces()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "rr-gone-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "gone");
        var state = await test.CreateAsync(Inputs("gone", pipelineId, ("cron", PropertyValue.Of("@hourly")), ("parameters", Parameters(1, 1))), PropertyMap.Empty);
        await kfp.DeleteAsync(Path(state.Id));

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);

        Assert.Equal("", read.Id);
        Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, diff.DetailedDiff["recurringRunId"].Kind);
        Assert.False(diff.DetailedDiff["recurringRunId"].InputDiff);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Create_IntervalAndDisabled_SendsPeriodicScheduleAndDisableMode()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "rr-interval-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "hourly");

        await test.RunAsync(new LifecycleStep(
            Inputs("hourly", pipelineId, ("intervalSeconds", PropertyValue.Of(3600)), ("enabled", PropertyValue.Of(false)), ("maxConcurrency", PropertyValue.Of(3)),
                ("catchup", PropertyValue.Of(true)), ("startTime", PropertyValue.Of("2030-01-01T02:00:00+02:00")), ("parameters", Parameters(5, 6))),
            s =>
            {
                var live = kfp.GetAsync(Path(s.Id)).Result;
                Assert.Equal("DISABLE", Json(live, "mode"));
                Assert.Equal("DISABLED", Text(s.Outputs, "status"));
                Assert.Equal("3600", Json(live, "trigger.periodic_schedule.interval_second"));
                Assert.Equal("2030-01-01T00:00:00Z", Json(live, "trigger.periodic_schedule.start_time"));
                Assert.Equal("2030-01-01T00:00:00Z", Text(s.Inputs, "startTime"));
                Assert.Equal("3", Json(live, "max_concurrency"));
                Assert.Equal("", Json(live, "no_catchup"));
            }));
    }

    [Fact]
    public async Task Check_Omitted_RecordsDefaultsAndKeepsTheCronAsWritten()
    {
        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::defaults", PropertyMap.Empty,
            PropertyMap.Empty.With("pipelineId", PropertyValue.Of("p")).With("cron", PropertyValue.Of("*/5 * * * *")));

        var inputs = PropertyValueCodec.FromStruct(check.Inputs);
        Assert.Empty(check.Failures);
        Assert.StartsWith("defaults-", Text(inputs, "name"), StringComparison.Ordinal);
        Assert.Equal("*/5 * * * *", Text(inputs, "cron"));
        Assert.False(inputs.Has("kfpCron"));
        Assert.Equal(1, Number(inputs, "maxConcurrency"));
        Assert.False(Bool(inputs, "catchup"));
        Assert.True(Bool(inputs, "enabled"));
    }

    [Theory]
    [InlineData("both", "cron", "not both")]
    [InlineData("both", "intervalSeconds", "not both")]
    [InlineData("neither", "cron", "needs a schedule")]
    [InlineData("maxConcurrency", "maxConcurrency", "between 1 and 10, got 11")]
    [InlineData("badCron", "cron", "hour field '25' has 25, outside 0-23")]
    [InlineData("badTime", "startTime", "not an RFC 3339 time")]
    [InlineData("endBeforeStart", "endTime", "must be after startTime")]
    [InlineData("noPipeline", "pipelineId", "required")]
    public async Task Check_ScheduleMistake_FailsOnTheProperty(string mistake, string property, string reason)
    {
        var cron = ("cron", PropertyValue.Of("0 2 * * *"));
        var news = mistake switch
        {
            "both" => Inputs("x", "p", cron, ("intervalSeconds", PropertyValue.Of(60))),
            "neither" => Inputs("x", "p"),
            "maxConcurrency" => Inputs("x", "p", cron, ("maxConcurrency", PropertyValue.Of(11))),
            "badCron" => Inputs("x", "p", ("cron", PropertyValue.Of("0 25 * * *"))),
            "badTime" => Inputs("x", "p", cron, ("startTime", PropertyValue.Of("tomorrow"))),
            "endBeforeStart" => Inputs("x", "p", cron, ("startTime", PropertyValue.Of("2030-01-02T00:00:00Z")), ("endTime", PropertyValue.Of("2030-01-01T00:00:00Z"))),
            _ => Inputs("x", "p", cron).Without("pipelineId"),
        };

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::bad", PropertyMap.Empty, news);

        Assert.Contains(check.Failures, f => f.Property == property && f.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_ImportWithIdOnly_ReturnsInputsThatDiffClean()
    {
        var (pipelineId, versionId) = await PipelineAsync(fixture, "rr-import-pipeline");
        var created = await PostAsync(fixture, "/apis/v2beta1/recurringruns", new JsonObject
        {
            ["display_name"] = "made-in-ui",
            ["description"] = "by hand",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId, ["pipeline_version_id"] = versionId },
            ["runtime_config"] = new JsonObject { ["parameters"] = new JsonObject { ["a"] = 7, ["b"] = 8 } },
            ["trigger"] = new JsonObject { ["cron_schedule"] = new JsonObject { ["cron"] = "0 30 1 * * *", ["end_time"] = "2031-01-01T00:00:00Z" } },
            ["max_concurrency"] = "2",
            ["mode"] = "ENABLE",
        });
        var id = created["recurring_run_id"]!.GetValue<string>();
        var urn = $"urn:pulumi:test::lifecycle::{Type}::imported";

        var read = await fixture.Client.ReadAsync(urn, id, null, null);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        Assert.Equal(id, read.Id);
        Assert.Equal("made-in-ui", Text(inputs, "name"));
        Assert.Equal("by hand", Text(inputs, "description"));
        Assert.Equal(pipelineId, Text(inputs, "pipelineId"));
        Assert.Equal(versionId, Text(inputs, "pipelineVersionId"));
        Assert.Equal("30 1 * * *", Text(inputs, "cron"));
        Assert.Equal("0 30 1 * * *", Text(PropertyValueCodec.FromStruct(read.Properties), "kfpCron"));
        Assert.Equal("2031-01-01T00:00:00Z", Text(inputs, "endTime"));
        Assert.Equal(2, Number(inputs, "maxConcurrency"));
        Assert.True(Bool(inputs, "enabled"));
        Assert.True(Bool(inputs, "catchup"));
        Assert.Equal(8, Number(Assert.IsType<ObjectValue>(inputs.Get("parameters")).Map, "b"));
        var check = await fixture.Client.CheckAsync(urn, inputs, inputs);
        Assert.Empty(check.Failures);
        var diff = await fixture.Client.DiffAsync(urn, id, PropertyValueCodec.FromStruct(read.Properties), inputs, PropertyValueCodec.FromStruct(check.Inputs));
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, diff.Changes);
        // The program may spell the schedule either way: KFP's 6 fields or the usual 5; neither differs from the import.
        foreach (var written in new[] { "0 30 1 * * *", "30 1 * * *" })
        {
            var program = await fixture.Client.CheckAsync(urn, inputs, inputs.With("cron", PropertyValue.Of(written)));
            var programDiff = await fixture.Client.DiffAsync(urn, id, PropertyValueCodec.FromStruct(read.Properties), inputs, PropertyValueCodec.FromStruct(program.Inputs));
            Assert.Equal(written, Text(PropertyValueCodec.FromStruct(program.Inputs), "cron"));
            Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, programDiff.Changes);
        }
    }

    [Fact]
    public async Task Read_DisabledInTheCluster_RefreshKeepsTheCronAsWrittenWithTheLiveState()
    {
        var (pipelineId, _) = await PipelineAsync(fixture, "rr-refresh-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "refreshed");
        var state = await test.CreateAsync(Inputs("refreshed", pipelineId, ("cron", PropertyValue.Of("15 4 * * 1-5")), ("parameters", Parameters(1, 2))), PropertyMap.Empty);
        await PostAsync(fixture, Path(state.Id) + ":disable");

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        var outputs = PropertyValueCodec.FromStruct(read.Properties);
        Assert.Equal("15 4 * * 1-5", Text(inputs, "cron"));
        Assert.False(Bool(inputs, "enabled"));
        Assert.Equal("0 15 4 * * 1-5", Text(outputs, "kfpCron"));
        Assert.Equal("DISABLED", Text(outputs, "status"));
        // After the refresh, the program's schedule (enabled, same cron) is an in-place update of `enabled` only.
        var check = await fixture.Client.CheckAsync(test.Urn, inputs, state.Inputs);
        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, outputs, inputs, PropertyValueCodec.FromStruct(check.Inputs));
        Assert.Equal(["enabled"], diff.DetailedDiff.Keys);
        Assert.Empty(diff.Replaces);
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Create_Preview_KnowsKfpCron()
    {
        var urn = $"urn:pulumi:test::lifecycle::{Type}::previewed";
        var check = await fixture.Client.CheckAsync(urn, PropertyMap.Empty, Inputs("previewed", "p", ("cron", PropertyValue.Of("0 2 * * *"))));
        var interval = await fixture.Client.CheckAsync(urn, PropertyMap.Empty, Inputs("previewed", "p", ("intervalSeconds", PropertyValue.Of(60))));

        var preview = PropertyValueCodec.FromStruct((await fixture.Client.CreateAsync(urn, PropertyValueCodec.FromStruct(check.Inputs), preview: true)).Properties);
        var intervalPreview = PropertyValueCodec.FromStruct((await fixture.Client.CreateAsync(urn, PropertyValueCodec.FromStruct(interval.Inputs), preview: true)).Properties);

        Assert.Equal("0 0 2 * * *", Text(preview, "kfpCron"));
        Assert.Equal("0 2 * * *", Text(preview, "cron"));
        Assert.False(intervalPreview.Has("kfpCron"));
    }

    [Fact]
    public async Task Create_UnknownPipeline_FailsNamingTheRecurringRun()
    {
        var test = new LifecycleTest(fixture.Client, Type, "orphan");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => test.CreateAsync(Inputs("orphan", "no-such-pipeline", ("intervalSeconds", PropertyValue.Of(60))), PropertyMap.Empty));

        Assert.Contains("orphan", error.Message, StringComparison.Ordinal);
        Assert.Contains("pipelineId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AlreadyGone_Succeeds()
    {
        await fixture.Client.DeleteAsync($"urn:pulumi:test::lifecycle::{Type}::gone", "00000000-0000-0000-0000-000000000000", PropertyMap.Empty, PropertyMap.Empty);
    }
}
