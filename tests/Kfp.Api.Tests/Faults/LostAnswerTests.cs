using Kfp.Api.Filtering;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Faults;

/// <summary>
/// Every create the client makes, with its answer lost after the emulator carried it out (the emulator's
/// <c>afterHandler</c> fault mode): a 500, a 429, a 503, a dropped connection, an answer later than the client's
/// timeout. Afterwards exactly one object exists, and the client returned that one.
/// </summary>
public sealed class LostAnswerTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => emulator.ClearFaultsAsync();

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var create in new[] { "experiment", "pipeline", "upload", "version", "recurringrun", "run" })
        {
            foreach (var fault in new[] { "500", "429", "503", "reset", "timeout" })
            {
                data.Add(create, fault);
            }
        }
        return data;
    }

    /// <summary>The upload endpoints' own error shape (their handler is not grpc-gateway).</summary>
    private const string UploadError = """{"error_message":"injected fault","error_details":"injected fault"}""";

    private static object Fault(string path, string fault) => path.Contains("upload", StringComparison.Ordinal) && fault is "500" or "429" or "503"
        ? new
        {
            path, method = "POST", afterHandler = true, status = int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), count = 1, body = UploadError,
            headers = new Dictionary<string, string> { ["Retry-After"] = "0" },
        }
        : fault switch
    {
        "reset" => new { path, method = "POST", afterHandler = true, reset = true, count = 1 },
        "timeout" => new { path, method = "POST", afterHandler = true, status = 0, delayMs = 1500, count = 1 },
        "429" => (object)new { path, method = "POST", afterHandler = true, status = 429, count = 1, headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
        _ => new { path, method = "POST", afterHandler = true, status = int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), count = 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Create_AnswerLostAfterTheServerMadeIt_ReturnsTheOneObjectThatExists(string create, string fault)
    {
        using var client = emulator.Client(o => o with { Timeout = TimeSpan.FromMilliseconds(700) });
        var name = TestData.Unique($"lost-{create}-{fault}");
        switch (create)
        {
            case "experiment":
            {
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/experiments", fault));
                var made = await client.CreateExperimentAsync(new CreateExperimentRequest(name) { Description = "d" }, None);
                var all = await client.ListExperimentsAsync(new KfpListOptions { Filter = KfpFilter.Equal("display_name", name) }, None);
                Assert.Equal([made.ExperimentId], all.Items.Select(e => e.ExperimentId));
                break;
            }
            case "pipeline":
            {
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/pipelines", fault));
                var made = await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);
                Assert.Equal([made.PipelineId], await PipelineIdsAsync(client, name));
                break;
            }
            case "upload":
            {
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/pipelines/upload", fault));
                var made = await client.UploadPipelineAsync(new UploadPipelineRequest(name, Samples.HelloWorld), None);
                Assert.Equal([made.PipelineId], await PipelineIdsAsync(client, name));
                Assert.Single((await client.ListPipelineVersionsAsync(made.PipelineId, new KfpListOptions(), None)).Items);
                break;
            }
            case "version":
            {
                var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/pipelines/upload_version", fault));
                var made = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);
                var versions = await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions(), None);
                Assert.Equal([made.PipelineVersionId], versions.Items.Select(v => v.PipelineVersionId));
                break;
            }
            case "recurringrun":
            {
                var (pipeline, experiment) = await SetUpAsync(client, name);
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/recurringruns", fault));
                var request = new CreateRecurringRunRequest(name, Trigger.Cron("0 0 * * * *"))
                {
                    ExperimentId = experiment.ExperimentId,
                    PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
                    RuntimeConfig = new RuntimeConfig { Parameters = Params.Of(("a", "1"), ("b", "2")) },
                };
                var made = await client.CreateRecurringRunAsync(request, None);
                var all = await client.ListRecurringRunsAsync(new KfpListOptions(), experiment.ExperimentId, None);
                Assert.Equal([made.RecurringRunId], all.Items.Select(r => r.RecurringRunId));
                break;
            }
            case "run":
            {
                var (pipeline, experiment) = await SetUpAsync(client, name);
                await emulator.AddFaultAsync(Fault("/apis/v2beta1/runs", fault));
                var request = new CreateRunRequest(name)
                {
                    ExperimentId = experiment.ExperimentId,
                    PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
                    RuntimeConfig = new RuntimeConfig { Parameters = Params.Of(("a", "1"), ("b", "2")) },
                };
                var made = await client.CreateRunAsync(request, None);
                var all = await client.ListRunsAsync(new KfpListOptions(), experiment.ExperimentId, None);
                Assert.Equal([made.RunId], all.Items.Select(r => r.RunId));
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(create));
        }
    }

    [Fact]
    public async Task CreateRecurringRun_AnotherScheduleWithTheSameNameExists_IsNotMistakenForOurs()
    {
        using var client = emulator.Client(o => o with { Timeout = TimeSpan.FromMilliseconds(700) });
        var name = TestData.Unique("lost-twin");
        var (pipeline, experiment) = await SetUpAsync(client, name);
        CreateRecurringRunRequest Every(long seconds) => new(name, Trigger.Every(seconds))
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
            RuntimeConfig = new RuntimeConfig { Parameters = Params.Of(("a", "1"), ("b", "2")) },
        };
        var other = await client.CreateRecurringRunAsync(Every(60), None);
        await emulator.AddFaultAsync(Fault("/apis/v2beta1/recurringruns", "500"));

        var made = await client.CreateRecurringRunAsync(Every(3600), None);

        Assert.NotEqual(other.RecurringRunId, made.RecurringRunId);
        Assert.Equal(3600, made.Trigger?.PeriodicSchedule?.IntervalSecond);
        Assert.Equal(2, (await client.ListRecurringRunsAsync(new KfpListOptions(), experiment.ExperimentId, None)).Items.Count);
    }

    [Fact]
    public async Task CreateRecurringRun_ConnectionDroppedWithoutAnswer_NeverSendsASecondCreate()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(inner: recorder);
        var name = TestData.Unique("dropped");
        var (pipeline, experiment) = await SetUpAsync(client, name);
        var request = new CreateRecurringRunRequest(name, Trigger.Every(3600))
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
            RuntimeConfig = new RuntimeConfig { Parameters = Params.Of(("a", "1"), ("b", "2")) },
        };
        // Dropped before the handler: nothing is made, but the client cannot know that, so it must not send again.
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/recurringruns", method = "POST", reset = true, count = 1 });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateRecurringRunAsync(request, None));

        Assert.Equal(KfpErrorKind.Network, e.Kind);
        Assert.Contains("pulumi import kfp:index:RecurringRun", e.Message, StringComparison.Ordinal);
        Assert.Single(recorder.Requests, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/recurringruns", StringComparison.Ordinal));
        Assert.Empty((await client.ListRecurringRunsAsync(new KfpListOptions(), experiment.ExperimentId, None)).Items);
        Assert.Null(await client.FindIdenticalRecurringRunAsync(request, None));
    }

    [Fact]
    public async Task CreateExperiment_IdenticalOneAlreadyExists_FailsWithItsIdAndHowToImport()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("taken");
        var existing = await client.CreateExperimentAsync(new CreateExperimentRequest(name) { Description = "same" }, None);

        var identical = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateExperimentAsync(new CreateExperimentRequest(name) { Description = "same" }, None));
        var different = await Assert.ThrowsAsync<KfpApiException>(() => client.CreateExperimentAsync(new CreateExperimentRequest(name) { Description = "other" }, None));

        Assert.Equal((true, existing.ExperimentId, true), (identical.IsAlreadyExists, identical.ExistingId, identical.ExistingMatches));
        Assert.Contains($"pulumi import kfp:index:Experiment <resource name> {existing.ExperimentId}", identical.Message, StringComparison.Ordinal);
        Assert.Equal((existing.ExperimentId, false), (different.ExistingId, different.ExistingMatches));
        Assert.Contains("differs in description", different.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindIdenticalRecurringRun_ScheduleMadeButNeverRecorded_FindsItAndNotADifferentOne()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("adopt");
        var (pipeline, experiment) = await SetUpAsync(client, name);
        var request = new CreateRecurringRunRequest(name, Trigger.Cron("0 0 * * * *"))
        {
            ExperimentId = experiment.ExperimentId,
            PipelineVersionReference = new PipelineVersionReference(pipeline.PipelineId),
            RuntimeConfig = new RuntimeConfig { Parameters = Params.Of(("a", "1"), ("b", "2")) },
        };
        var made = await client.CreateRecurringRunAsync(request, None);

        var found = await client.FindIdenticalRecurringRunAsync(request, None);
        var notFound = await client.FindIdenticalRecurringRunAsync(request with { MaxConcurrency = 2 }, None);

        Assert.Equal(made.RecurringRunId, found?.RecurringRunId);
        Assert.Null(notFound);
    }

    private static async Task<IEnumerable<string>> PipelineIdsAsync(KfpClient client, string name) =>
        (await client.ListPipelinesAsync(new KfpListOptions { Filter = KfpFilter.Equal("name", name) }, None)).Items.Select(p => p.PipelineId);

    private static async Task<(Pipeline Pipeline, Experiment Experiment)> SetUpAsync(KfpClient client, string name)
    {
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);
        await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.AddNumbers), None);
        var experiment = await client.CreateExperimentAsync(new CreateExperimentRequest(name), None);
        return (pipeline, experiment);
    }
}
