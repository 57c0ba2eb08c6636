using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Runs;

public sealed class RunTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RuntimeConfig TwoNumbers = new() { Parameters = Params.Of(("a", "1"), ("b", "2")) };

    private static async Task<(Pipeline Pipeline, PipelineVersion Version)> AddNumbersAsync(KfpClient client)
    {
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("run")), None);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.AddNumbers), None);
        return (pipeline, version);
    }

    [Fact]
    public async Task CreateRun_FromVersion_IsPendingInTheExperiment()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var experiment = await client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("exp")), None);

        var run = await client.CreateRunAsync(new CreateRunRequest("smoke")
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers with { PipelineRoot = "s3://bucket/root" },
            ServiceAccount = "pipeline-runner",
        }, None);

        Assert.Equal(RuntimeState.Pending, run.State);
        Assert.Equal(experiment.ExperimentId, run.ExperimentId);
        Assert.Equal(version.PipelineVersionId, run.PipelineVersionReference?.PipelineVersionId);
        Assert.Equal(2, run.RuntimeConfig!.Parameters!["b"].GetInt32());
        Assert.Equal("s3://bucket/root", run.RuntimeConfig.PipelineRoot);
        Assert.Equal("pipeline-runner", run.ServiceAccount);
        Assert.Null(run.FinishedAt);
        Assert.False(run.IsTerminal);
        Assert.NotNull((await client.GetExperimentAsync(experiment.ExperimentId, None)).LastRunCreatedAt);
    }

    [Fact]
    public async Task CreateRun_OnlyPipelineId_UsesTheLatestVersion()
    {
        using var client = emulator.Client();
        var (pipeline, _) = await AddNumbersAsync(client);
        var latest = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v2", Samples.AddNumbers), None);

        var run = await client.CreateRunAsync(new CreateRunRequest("latest")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
            RuntimeConfig = TwoNumbers,
        }, None);

        Assert.Equal(new PipelineVersionReference(pipeline.PipelineId, latest.PipelineVersionId), run.PipelineVersionReference);
    }

    [Fact]
    public async Task CreateRun_InlineSpec_ReturnsTheSpecAndNoReference()
    {
        using var client = emulator.Client();
        var (_, version) = await AddNumbersAsync(client);

        var run = await client.CreateRunAsync(new CreateRunRequest("inline") { PipelineSpec = version.PipelineSpec, RuntimeConfig = TwoNumbers }, None);

        Assert.Null(run.PipelineVersionReference);
        Assert.Equal(Samples.CanonicalJson(version.PipelineSpec!.Value), Samples.CanonicalJson(run.PipelineSpec!.Value));
    }

    [Fact]
    public async Task CreateRun_NoExperiment_GoesToTheDefaultExperiment()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var defaultExperiment = await client.FindExperimentAsync("Default", null, None);

        var run = await client.CreateRunAsync(new CreateRunRequest("default")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers,
        }, None);

        Assert.Equal(defaultExperiment!.ExperimentId, run.ExperimentId);
    }

    [Theory]
    [InlineData("""{"a":1}""", "'b' is required")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "not required by pipeline: c")]
    [InlineData("""{"a":1,"b":"two"}""", "'b' must be of type NUMBER_INTEGER")]
    public async Task CreateRun_BadParameters_ThrowsInvalidArgument(string parameters, string expected)
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var values = System.Text.Json.JsonDocument.Parse(parameters).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateRunAsync(new CreateRunRequest("bad")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = new RuntimeConfig { Parameters = values },
        }, None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(expected, e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRun_UnknownVersion_ThrowsInternal()
    {
        using var client = emulator.Client();
        var (pipeline, _) = await AddNumbersAsync(client);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateRunAsync(new CreateRunRequest("missing")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, "no-such-version"),
        }, None));

        Assert.Equal(KfpErrorKind.Internal, e.Kind);
    }

    [Fact]
    public async Task GetRun_AfterStateChange_ReportsTerminalState()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var run = await client.CreateRunAsync(new CreateRunRequest("finish")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers,
        }, None);

        var (status, _) = await emulator.RawAsync(HttpMethod.Post, $"/_emulator/runs/{run.RunId}/state", """{"state":"SUCCEEDED"}""");
        var read = await client.GetRunAsync(run.RunId, None);

        Assert.Equal(200, status);
        Assert.Equal(RuntimeState.Succeeded, read.State);
        Assert.True(read.IsTerminal);
        Assert.NotNull(read.FinishedAt);
    }

    [Fact]
    public async Task ListRuns_ByExperiment_ReturnsOnlyItsRuns()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var experiment = await client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("runs")), None);
        var reference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId);
        foreach (var name in new[] { "r1", "r2" })
        {
            await client.CreateRunAsync(new CreateRunRequest(name) { ExperimentId = experiment.ExperimentId, PipelineVersionReference = reference, RuntimeConfig = TwoNumbers }, None);
        }

        var page = await client.ListRunsAsync(new KfpListOptions { SortBy = KfpSort.Desc("display_name") }, experiment.ExperimentId, None);

        Assert.Equal(["r2", "r1"], page.Items.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task TerminateRun_Pending_IsCanceled()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var run = await client.CreateRunAsync(new CreateRunRequest("stop")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers,
        }, None);

        await client.TerminateRunAsync(run.RunId, None);

        Assert.Equal(RuntimeState.Canceled, (await client.GetRunAsync(run.RunId, None)).State);
    }

    [Fact]
    public async Task DeleteRun_Existing_IsGone()
    {
        using var client = emulator.Client();
        var (pipeline, version) = await AddNumbersAsync(client);
        var run = await client.CreateRunAsync(new CreateRunRequest("gone")
        {
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers,
        }, None);

        await client.DeleteRunAsync(run.RunId, None);

        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetRunAsync(run.RunId, None))).IsNotFound);
    }

    [Fact]
    public async Task CreateRun_AnswerLost_FindsTheRunInsteadOfStartingASecond()
    {
        var recorder = new RecordingHandler
        {
            After = (request, response, _) => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/runs", StringComparison.Ordinal)
                ? throw new HttpRequestException("connection reset by peer")
                : response,
        };
        using var client = emulator.Client(inner: recorder);
        var (pipeline, version) = await AddNumbersAsync(client);
        var experiment = await client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("lost")), None);

        var run = await client.CreateRunAsync(new CreateRunRequest("once")
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId, version.PipelineVersionId),
            RuntimeConfig = TwoNumbers,
        }, None);

        Assert.Equal("once", run.DisplayName);
        Assert.Single((await client.ListRunsAsync(new KfpListOptions(), experiment.ExperimentId, None)).Items);
    }
}
