using Kfp.Api.Filtering;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Http;

public sealed class RetryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ClearFaultsAsync();

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static async Task<int> CountAsync(KfpClient client, string name) =>
        (await client.ListExperimentsAsync(new KfpListOptions { Filter = KfpFilter.Equal("display_name", name) }, CancellationToken.None)).TotalSize;

    [Fact]
    public async Task GetExperiment_UnavailableTwice_SucceedsOnThirdAttempt()
    {
        using var client = emulator.Client();
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(Unique("retry")), CancellationToken.None);
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments/*", method = "GET", status = 503, count = 2 });

        var read = await client.GetExperimentAsync(created.ExperimentId, CancellationToken.None);

        Assert.Equal(created.ExperimentId, read.ExperimentId);
    }

    [Fact]
    public async Task GetExperiment_AlwaysBadGateway_ThrowsAfterMaxAttempts()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(o => o with { Retry = o.Retry with { MaxAttempts = 3 } }, recorder);
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments/*", method = "GET", status = 502 });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("abc", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Equal(3, recorder.Requests.Count);
    }

    [Fact]
    public async Task DeleteExperiment_InternalError_IsNotRetried()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(inner: recorder);
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments/*", method = "DELETE", status = 500, count = 1 });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.DeleteExperimentAsync("abc", CancellationToken.None));

        Assert.Equal(KfpErrorKind.Internal, e.Kind);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task CreateExperiment_UnavailableOnce_CreatesExactlyOnce()
    {
        using var client = emulator.Client();
        var name = Unique("create503");
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments", method = "POST", status = 503, count = 1 });

        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None);

        Assert.Equal(name, created.DisplayName);
        Assert.Equal(1, await CountAsync(client, name));
    }

    [Fact]
    public async Task CreateExperiment_ConnectionResetOnce_CreatesExactlyOnce()
    {
        using var client = emulator.Client();
        var name = Unique("reset");
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments", method = "POST", reset = true, count = 1 });

        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None);

        Assert.Equal(name, created.DisplayName);
        Assert.Equal(1, await CountAsync(client, name));
    }

    [Fact]
    public async Task CreateExperiment_AnswerLostAfterServerCreatedIt_ReturnsThatExperimentWithoutCreatingAgain()
    {
        var recorder = new RecordingHandler
        {
            After = (request, response, n) => request.Method == HttpMethod.Post && n == 1
                ? throw new HttpRequestException("connection reset by peer")
                : response,
        };
        using var client = emulator.Client(inner: recorder);
        var name = Unique("lost");

        var created = await client.CreateExperimentAsync(new CreateExperimentRequest(name), CancellationToken.None);

        Assert.Equal(name, created.DisplayName);
        Assert.Single(recorder.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal(1, await CountAsync(client, name));
    }

    [Fact]
    public async Task GetExperiment_SlowAnswer_ThrowsTimeout()
    {
        using var client = emulator.Client(o => o with { Timeout = TimeSpan.FromMilliseconds(200), Retry = KfpRetryPolicy.None });
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments/*", method = "GET", status = 0, delayMs = 10_000, count = 1 });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("slow", CancellationToken.None));

        Assert.Equal(KfpErrorKind.Timeout, e.Kind);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task GetExperiment_CallerCancels_ThrowsOperationCanceled()
    {
        using var client = emulator.Client();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetExperimentAsync("x", cancel.Token));
    }
}
