using Kfp.Api.Auth;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;
using Kfp.Emulator;

namespace Kfp.Api.Tests.Http;

public sealed class AuthTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Send_StaticToken_SendsBearerHeader()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(o => o with { Token = new StaticTokenSource("abc123") }, recorder);

        await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);

        Assert.Equal("Bearer abc123", recorder.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task Send_TokenFileRewritten_SendsNewToken()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "first\n");
            File.SetLastWriteTimeUtc(file, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var recorder = new RecordingHandler();
            using var client = emulator.Client(o => o with { Token = new FileTokenSource(file) }, recorder);

            await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);
            await File.WriteAllTextAsync(file, "second");
            File.SetLastWriteTimeUtc(file, new DateTime(2024, 1, 1, 0, 1, 0, DateTimeKind.Utc));
            await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);

            Assert.Equal(["Bearer first", "Bearer second"], recorder.Requests.Select(r => r.Headers["Authorization"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Send_TokenFileRewrittenWithTheSameStamp_IsReadAgainAfterA401AndSentOnce()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Tokens = ["fresh"] });
        var file = Path.GetTempFileName();
        try
        {
            var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await File.WriteAllTextAsync(file, "stale");
            File.SetLastWriteTimeUtc(file, stamp);
            var recorder = new RecordingHandler();
            using var client = new KfpClient(new KfpClientOptions { BaseAddress = host.KfpUrl, Token = new FileTokenSource(file), Handler = recorder });
            var refused = await Assert.ThrowsAsync<KfpApiException>(() => client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None));

            // Same size and modification time: only the 401 tells that the token must be read again.
            await File.WriteAllTextAsync(file, "fresh");
            File.SetLastWriteTimeUtc(file, stamp);
            await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);
            await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);

            Assert.Equal(KfpErrorKind.Unauthenticated, refused.Kind);
            Assert.Equal(["Bearer stale", "Bearer stale", "Bearer fresh", "Bearer fresh"], recorder.Requests.Select(r => r.Headers["Authorization"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Send_TokenFileMissing_FailsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}");
        using var client = emulator.Client(o => o with { Token = new FileTokenSource(path) });

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ExtraHeaders_SendsThemOnEveryRequest()
    {
        var recorder = new RecordingHandler();
        var headers = new Dictionary<string, string> { ["Cookie"] = "oauth2_proxy=xyz", ["kubeflow-userid"] = "me@example.com" };
        using var client = emulator.Client(o => o with { Headers = headers }, recorder);

        await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);

        var sent = recorder.Requests.Single().Headers;
        Assert.Equal("oauth2_proxy=xyz", sent["Cookie"]);
        Assert.Equal("me@example.com", sent["kubeflow-userid"]);
    }

    [Fact]
    public async Task CreateExperiment_ClientNamespace_IsSentInBody()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(o => o with { Namespace = "team-a" }, recorder);

        await client.CreateExperimentAsync(new CreateExperimentRequest($"ns-{Guid.NewGuid():N}"), CancellationToken.None);

        Assert.Contains("\"namespace\":\"team-a\"", recorder.Requests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListExperiments_ClientNamespace_IsSentInQuery()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(o => o with { Namespace = "team-a" }, recorder);

        await client.ListExperimentsAsync(new KfpListOptions(), CancellationToken.None);

        Assert.Contains("namespace=team-a", recorder.Requests.Single().Uri.Query, StringComparison.Ordinal);
    }
}
