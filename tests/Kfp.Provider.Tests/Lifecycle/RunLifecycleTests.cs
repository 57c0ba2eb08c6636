using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using static Kfp.Provider.Tests.Lifecycle.RunTestKit;

namespace Kfp.Provider.Tests.Lifecycle;

public sealed class RunLifecycleTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private const string Type = "kfp:index:Run";

    private static PropertyMap Inputs(string name, string pipelineId, params (string Key, PropertyValue Value)[] extra) =>
        extra.Aggregate(PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("pipelineId", PropertyValue.Of(pipelineId)), (m, e) => m.With(e.Key, e.Value));

    private static string Path(string id) => $"/apis/v2beta1/runs/{id}";

    private Task MoveAsync(string runId, string state, string? error = null) =>
        PostAsync(fixture, $"/_emulator/runs/{runId}/state", new JsonObject { ["state"] = state, ["error"] = error });

    [Fact]
    public async Task Create_WaitForCompletion_ReturnsOnlyOnceTheRunSucceeded()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, versionId) = await PipelineAsync(fixture, "run-wait-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "smoke");

        var creating = test.CreateAsync(Inputs("smoke-wait", pipelineId, ("parameters", Parameters(1, 2)), ("waitForCompletion", PropertyValue.Of(true))), PropertyMap.Empty);
        var runId = await RunNamedAsync(kfp, "smoke-wait", creating);
        await MoveAsync(runId, "RUNNING");
        Assert.False(creating.IsCompleted, "Create returned while the run was still running");
        await MoveAsync(runId, "SUCCEEDED");
        var state = await creating;

        Assert.Equal(runId, state.Id);
        Assert.Equal("SUCCEEDED", Text(state.Outputs, "state"));
        Assert.False(state.Outputs.Has("error"), "a run that did not fail has no error output (not \"\")");
        var live = await kfp.GetAsync(Path(runId));
        Assert.Equal(versionId, Json(live, "pipeline_version_reference.pipeline_version_id"));
        Assert.Equal("1", Json(live, "runtime_config.parameters.a"));
        await fixture.Client.DeleteAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
    }

    [Fact]
    public async Task Create_RunFails_PartialStateNamesTheRunAndUpdateFailsAgain()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "run-fail-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "failing");
        var inputs = Inputs("smoke-fail", pipelineId, ("parameters", Parameters(1, 2)), ("waitForCompletion", PropertyValue.Of(true)), ("deleteOnDestroy", PropertyValue.Of(false)));

        var creating = test.CreateAsync(inputs, PropertyMap.Empty);
        var runId = await RunNamedAsync(kfp, "smoke-fail", creating);
        await MoveAsync(runId, "FAILED", "step train: exit code 137 (OOMKilled)");
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => creating);

        var partial = InitFailure(error);
        Assert.Equal(runId, partial.Id);
        Assert.Contains($"run 'smoke-fail' ({runId}) ended FAILED", error.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("start a new run", error.StatusMessage, StringComparison.Ordinal);
        var outputs = PropertyValueCodec.FromStruct(partial.Properties);
        Assert.Equal("FAILED", Text(outputs, "state"));
        Assert.Equal("step train: exit code 137 (OOMKilled)", Text(outputs, "error"));
        Assert.Contains("OOMKilled", error.StatusMessage, StringComparison.Ordinal);
        var retry = await Assert.ThrowsAsync<GrpcCallException>(() => fixture.Client.UpdateAsync(test.Urn, runId, outputs, inputs, inputs, preview: false));
        Assert.Equal(runId, InitFailure(retry).Id);
        await fixture.Client.DeleteAsync(test.Urn, runId, outputs, inputs);
        Assert.Equal(200, await kfp.StatusOfGetAsync(Path(runId)));
    }

    [Fact]
    public async Task Create_NotFinishedInTime_KeepsTheRunAndUpdateWaitsAgain()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "run-slow-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "slow");
        var inputs = Inputs("smoke-slow", pipelineId, ("parameters", Parameters(1, 2)), ("waitForCompletion", PropertyValue.Of(true)),
            ("timeoutSeconds", PropertyValue.Of(1)), ("deleteOnDestroy", PropertyValue.Of(true)));

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => test.CreateAsync(inputs, PropertyMap.Empty));
        var partial = InitFailure(error);
        Assert.Contains("did not finish within 1 s (it is PENDING)", error.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("PENDING", Text(PropertyValueCodec.FromStruct(partial.Properties), "state"));
        await MoveAsync(partial.Id, "SUCCEEDED");
        var updated = await fixture.Client.UpdateAsync(test.Urn, partial.Id, PropertyValueCodec.FromStruct(partial.Properties), inputs, inputs, preview: false);

        var outputs = PropertyValueCodec.FromStruct(updated.Properties);
        Assert.Equal("SUCCEEDED", Text(outputs, "state"));
        await fixture.Client.DeleteAsync(test.Urn, partial.Id, outputs, inputs);
        Assert.Equal(404, await kfp.StatusOfGetAsync(Path(partial.Id)));
    }

    [Fact]
    public async Task Lifecycle_ChangedInputsStartNewRuns_DeleteOnlyWithDeleteOnDestroy()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "run-life-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "backfill");
        var ids = new List<string>();

        var final = await test.RunAsync(
            new LifecycleStep(Inputs("backfill", pipelineId, ("parameters", Parameters(1, 2))), s =>
            {
                ids.Add(s.Id);
                Assert.Equal("PENDING", Text(s.Outputs, "state"));
                Assert.False(Bool(s.Inputs, "waitForCompletion"));
                Assert.False(Bool(s.Inputs, "deleteOnDestroy"));
            }),
            new LifecycleStep(Inputs("backfill", pipelineId, ("parameters", Parameters(1, 2)))) { ExpectChanges = DiffResponse.Types.DiffChanges.DiffNone },
            new LifecycleStep(Inputs("backfill", pipelineId, ("parameters", Parameters(1, 3))), s =>
            {
                ids.Add(s.Id);
                Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, s.LastDiff!.DetailedDiff["parameters.b"].Kind);
                Assert.Equal(200, kfp.StatusOfGetAsync(Path(ids[0])).Result);
            }) { ExpectReplace = true },
            new LifecycleStep(Inputs("backfill", pipelineId, ("parameters", Parameters(1, 3)), ("deleteOnDestroy", PropertyValue.Of(true))), s =>
            {
                ids.Add(s.Id);
                Assert.Equal(200, kfp.StatusOfGetAsync(Path(ids[1])).Result);
            }) { ExpectReplace = true });

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(404, await kfp.StatusOfGetAsync(Path(final.Id)));
        Assert.Equal(200, await kfp.StatusOfGetAsync(Path(ids[0])));
    }

    [Fact]
    public async Task Read_ImportWithIdOnly_ReturnsInputsThatDiffClean()
    {
        var (pipelineId, versionId) = await PipelineAsync(fixture, "run-import-pipeline");
        var created = await PostAsync(fixture, "/apis/v2beta1/runs", new JsonObject
        {
            ["display_name"] = "run-by-hand",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId },
            ["runtime_config"] = new JsonObject { ["parameters"] = new JsonObject { ["a"] = 4, ["b"] = 5 } },
        });
        var id = created["run_id"]!.GetValue<string>();
        var urn = $"urn:pulumi:test::lifecycle::{Type}::imported";

        var read = await fixture.Client.ReadAsync(urn, id, null, null);

        var inputs = PropertyValueCodec.FromStruct(read.Inputs);
        var outputs = PropertyValueCodec.FromStruct(read.Properties);
        Assert.Equal(id, read.Id);
        Assert.Equal("run-by-hand", Text(inputs, "name"));
        Assert.Equal(pipelineId, Text(inputs, "pipelineId"));
        Assert.Equal(versionId, Text(inputs, "pipelineVersionId"));
        Assert.Equal(5, Number(Assert.IsType<ObjectValue>(inputs.Get("parameters")).Map, "b"));
        Assert.Equal("PENDING", Text(outputs, "state"));
        var check = await fixture.Client.CheckAsync(urn, inputs, inputs);
        Assert.Empty(check.Failures);
        var diff = await fixture.Client.DiffAsync(urn, id, outputs, inputs, PropertyValueCodec.FromStruct(check.Inputs));
        Assert.Equal(DiffResponse.Types.DiffChanges.DiffNone, diff.Changes);
    }

    [Fact]
    public async Task Read_DeletedOutOfBand_ReportsGoneAndDiffReplaces()
    {
        using var kfp = new KfpProbe(fixture.Emulator);
        var (pipelineId, _) = await PipelineAsync(fixture, "run-gone-pipeline");
        var test = new LifecycleTest(fixture.Client, Type, "gone");
        var state = await test.CreateAsync(Inputs("gone", pipelineId, ("parameters", Parameters(1, 1))), PropertyMap.Empty);
        await kfp.DeleteAsync(Path(state.Id));

        var read = await fixture.Client.ReadAsync(test.Urn, state.Id, state.Outputs, state.Inputs);
        var diff = await fixture.Client.DiffAsync(test.Urn, state.Id, state.Outputs, state.Inputs, state.Inputs);

        Assert.Equal("", read.Id);
        Assert.Equal(PropertyDiff.Types.Kind.UpdateReplace, diff.DetailedDiff["runId"].Kind);
    }

    [Theory]
    [InlineData("pipelineId", "required")]
    [InlineData("timeoutSeconds", "between 1 and")]
    [InlineData("parameters", "must be a map")]
    public async Task Check_Mistake_FailsOnTheProperty(string property, string reason)
    {
        var news = property switch
        {
            "pipelineId" => PropertyMap.Empty,
            "timeoutSeconds" => Inputs("x", "p", ("timeoutSeconds", PropertyValue.Of(0))),
            _ => Inputs("x", "p", ("parameters", PropertyValue.Of("a=1"))),
        };

        var check = await fixture.Client.CheckAsync($"urn:pulumi:test::lifecycle::{Type}::bad", PropertyMap.Empty, news);

        Assert.Contains(check.Failures, f => f.Property == property && f.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_AlreadyGone_Succeeds()
    {
        var recorded = PropertyMap.Empty.With("deleteOnDestroy", PropertyValue.Of(true));

        await fixture.Client.DeleteAsync($"urn:pulumi:test::lifecycle::{Type}::gone", "00000000-0000-0000-0000-000000000000", recorded, recorded);
    }
}
