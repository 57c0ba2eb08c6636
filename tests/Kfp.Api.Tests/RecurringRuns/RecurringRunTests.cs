using System.Text.Json.Nodes;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.RecurringRuns;

public sealed class RecurringRunTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RuntimeConfig TwoNumbers = new() { Parameters = Params.Of(("a", "1"), ("b", "2")) };

    private static async Task<(Pipeline Pipeline, PipelineVersion Version, Experiment Experiment)> SetUpAsync(KfpClient client)
    {
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("rr")), None);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.AddNumbers), None);
        var experiment = await client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("rr")), None);
        return (pipeline, version, experiment);
    }

    private static CreateRecurringRunRequest Hourly(Pipeline pipeline, Experiment experiment, string? versionId = null) =>
        new("hourly", Trigger.Cron("0 0 * * * *", start: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)))
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, versionId),
            RuntimeConfig = TwoNumbers,
            NoCatchup = true,
        };

    [Fact]
    public async Task CreateRecurringRun_Defaults_IsEnabledWithConcurrencyOne()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);

        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        Assert.Equal(RecurringRunStatus.Enabled, created.Status);
        Assert.Equal(RecurringRunMode.Enable, created.Mode);
        Assert.Equal(1, created.MaxConcurrency);
        Assert.True(created.NoCatchup);
        Assert.Equal("0 0 * * * *", created.Trigger?.CronSchedule?.Cron);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), created.Trigger?.CronSchedule?.StartTime);
        Assert.Equal(experiment.ExperimentId, created.ExperimentId);
        Assert.Equal(version.PipelineVersionId, created.PipelineVersionReference?.PipelineVersionId);
    }

    [Fact]
    public async Task CreateRecurringRun_ModeMissing_IsCreatedDisabled()
    {
        using var client = emulator.Client();
        var (pipeline, _, experiment) = await SetUpAsync(client);
        var body = $$$"""
            {"display_name":"nomode","experiment_id":"{{{experiment.ExperimentId}}}","max_concurrency":"1",
             "trigger":{"periodic_schedule":{"interval_second":"3600"}},
             "pipeline_version_reference":{"pipeline_id":"{{{pipeline.PipelineId}}}"},
             "runtime_config":{"parameters":{"a":1,"b":2} } }
            """;

        var (status, answer) = await emulator.RawAsync(HttpMethod.Post, "/apis/v2beta1/recurringruns", body);

        Assert.Equal(200, status);
        Assert.Equal("DISABLED", JsonNode.Parse(answer)!["status"]!.ToString());
    }

    [Fact]
    public async Task CreateRecurringRun_OnlyPipelineId_KeepsFollowingTheLatestVersion()
    {
        using var client = emulator.Client();
        var (pipeline, _, experiment) = await SetUpAsync(client);

        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment), None);

        Assert.Equal(new PipelineVersionReference(pipeline.PipelineId), created.PipelineVersionReference);
    }

    [Fact]
    public async Task CreateRecurringRun_Periodic_ReadsIntervalBack()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);

        var created = await client.CreateRecurringRunAsync(
            Hourly(pipeline, experiment, version.PipelineVersionId) with { Trigger = Trigger.Every(3600), MaxConcurrency = 10 }, None);

        Assert.Equal(3600, created.Trigger?.PeriodicSchedule?.IntervalSecond);
        Assert.Null(created.Trigger?.CronSchedule);
        Assert.Equal(10, created.MaxConcurrency);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task CreateRecurringRun_MaxConcurrencyOutOfRange_ThrowsInvalidArgument(long maxConcurrency)
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId) with { MaxConcurrency = maxConcurrency }, None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("[1, 10]", e.ServerMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 9 ? * 2-6")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 30 2 1 jan *")]
    [InlineData("@every 1h30m")]
    [InlineData("@daily")]
    public async Task CreateRecurringRun_CronTheServerParses_IsAccepted(string cron)
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);

        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId) with { Trigger = Trigger.Cron(cron) }, None);

        Assert.Equal(cron, created.Trigger?.CronSchedule?.Cron);
    }

    [Theory]
    [InlineData("60 * * * * *")]
    [InlineData("* * * *")]
    [InlineData("0 0 * * * * *")]
    [InlineData("@fortnightly")]
    public async Task CreateRecurringRun_CronTheServerRejects_ThrowsInvalidArgument(string cron)
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId) with { Trigger = Trigger.Cron(cron) }, None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("Schedule cron is not a supported format", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableRecurringRun_ThenEnable_TogglesStatusAndBumpsUpdatedAt()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);
        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        await client.DisableRecurringRunAsync(created.RecurringRunId, None);
        var disabled = await client.GetRecurringRunAsync(created.RecurringRunId, None);
        await client.DisableRecurringRunAsync(created.RecurringRunId, None);
        await client.EnableRecurringRunAsync(created.RecurringRunId, None);
        var enabled = await client.GetRecurringRunAsync(created.RecurringRunId, None);

        Assert.Equal(RecurringRunStatus.Disabled, disabled.Status);
        Assert.Equal(RecurringRunMode.Disable, disabled.Mode);
        Assert.Equal(RecurringRunStatus.Enabled, enabled.Status);
    }

    [Fact]
    public async Task EnableRecurringRun_Unknown_ThrowsNotFound()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.EnableRecurringRunAsync("missing", None));

        Assert.True(e.IsNotFound);
        Assert.Equal("Job missing not found", e.ServerMessage);
    }

    [Fact]
    public async Task DeleteRecurringRun_Existing_IsGoneAndSecondDeleteIsNotFound()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);
        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        await client.DeleteRecurringRunAsync(created.RecurringRunId, None);

        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetRecurringRunAsync(created.RecurringRunId, None))).IsNotFound);
        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.DeleteRecurringRunAsync(created.RecurringRunId, None))).IsNotFound);
    }

    [Fact]
    public async Task ListRecurringRuns_ByExperiment_ReadsTheCamelCaseListKey()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);
        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        var page = await client.ListRecurringRunsAsync(new KfpListOptions(), experiment.ExperimentId, None);

        Assert.Equal(created.RecurringRunId, Assert.Single(page.Items).RecurringRunId);
        Assert.Equal(1, page.TotalSize);
    }

    [Fact]
    public async Task ArchiveExperiment_WithRecurringRun_DisablesIt()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);
        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        await client.ArchiveExperimentAsync(experiment.ExperimentId, None);
        await client.UnarchiveExperimentAsync(experiment.ExperimentId, None);

        Assert.Equal(RecurringRunStatus.Disabled, (await client.GetRecurringRunAsync(created.RecurringRunId, None)).Status);
    }

    [Fact]
    public async Task CreateRecurringRun_UnavailableOnce_CreatesExactlyOnce()
    {
        using var client = emulator.Client();
        var (pipeline, version, experiment) = await SetUpAsync(client);
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/recurringruns", method = "POST", status = 503, count = 1 });

        var created = await client.CreateRecurringRunAsync(Hourly(pipeline, experiment, version.PipelineVersionId), None);

        var page = await client.ListRecurringRunsAsync(new KfpListOptions(), experiment.ExperimentId, None);
        Assert.Equal(created.RecurringRunId, Assert.Single(page.Items).RecurringRunId);
    }
}
