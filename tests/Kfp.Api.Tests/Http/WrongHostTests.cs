using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Kfp.Api.Tests.Http;

/// <summary>A host that is not the KFP API never reads as "the object is gone": it fails, saying what kfp:host should be.</summary>
public sealed class WrongHostTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => emulator.ClearFaultsAsync();

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    private static KfpClient ClientFor(Uri host) => new(new KfpClientOptions { BaseAddress = host, Retry = KfpRetryPolicy.None });

    [Fact]
    public async Task GetExperiment_HostAnswers404TextEverywhere_FailsAsNotKfpNamingHostStatusAndContentType()
    {
        await using var other = await FakeServer.StartAsync(FakeServer.Text(404, "text/plain", "404 page not found"));
        using var client = ClientFor(other.Url);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("e1", None));

        Assert.Equal(KfpErrorKind.NotKfpApi, e.Kind);
        Assert.False(e.IsNotFound);
        Assert.Contains(other.Url.GetLeftPart(UriPartial.Authority), e.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("text/plain", e.Message, StringComparison.Ordinal);
        Assert.Contains("kfp:host", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404}""")]
    [InlineData("""{"code":404,"message":"Not Found"}""")]
    public async Task GetExperiment_HostAnswersAnotherApisJsonError_FailsAsNotKfpNotAsGone(string body)
    {
        await using var other = await FakeServer.StartAsync(FakeServer.Text(404, "application/json", body));
        using var client = ClientFor(other.Url);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("e1", None));

        Assert.Equal(KfpErrorKind.NotKfpApi, e.Kind);
        Assert.False(e.IsNotFound);
        Assert.Contains("kfp:host", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPipelines_KfpBehindPipelinePrefix_SaysToAddThePrefix()
    {
        await using var gateway = await FakeServer.StartAsync(context => context.Request.Path == "/pipeline/apis/v2beta1/healthz"
            ? FakeServer.Text(200, "application/json", """{"commit_sha":"x","tag_name":"2.17.0","multi_user":false}""")(context)
            : FakeServer.Text(404, "text/html", "<html>Not Found</html>")(context));
        using var client = ClientFor(gateway.Url);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.ListPipelinesAsync(new KfpListOptions(), None));

        Assert.Equal(KfpErrorKind.NotKfpApi, e.Kind);
        Assert.Contains($"set kfp:host to {gateway.Url.AbsoluteUri.TrimEnd('/')}/pipeline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteExperiment_HostServesAWebPage_FailsAsNotKfp()
    {
        await using var ui = await FakeServer.StartAsync(FakeServer.Text(200, "text/html", "<html>dashboard</html>"));
        using var client = ClientFor(ui.Url);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.DeleteExperimentAsync("e1", None));

        Assert.Equal(KfpErrorKind.NotKfpApi, e.Kind);
        Assert.Contains("web page", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Without the swagger check: these answers are deliberately not KFP's.</summary>
    private KfpClient Unchecked() => emulator.Client(o => o with { Retry = KfpRetryPolicy.None, Handler = new SocketsHttpHandler() });

    [Fact]
    public async Task GetExperiment_ProxyAnswers404PageAfterTheHostCheck_IsNotReadAsDeleted()
    {
        using var client = Unchecked();
        var real = await client.CreateExperimentAsync(new CreateExperimentRequest(TestData.Unique("proxy")), None);
        await emulator.AddFaultAsync(new
        {
            path = "/apis/v2beta1/experiments/*", method = "GET", status = 404, count = 1,
            body = "<html><body>404 Not Found</body></html>", headers = new Dictionary<string, string> { ["Content-Type"] = "text/html" },
        });

        var proxied = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync(real.ExperimentId, None));
        var missing = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("no-such-experiment", None));

        Assert.Equal(KfpErrorKind.NotKfpApi, proxied.Kind);
        Assert.Contains("text/html", proxied.Message, StringComparison.Ordinal);
        Assert.True(missing.IsNotFound);
    }

    [Fact]
    public async Task ListExperiments_HealthzHiddenByAProxyButTheApiIsKfp_Works()
    {
        using var client = Unchecked();
        await emulator.AddFaultAsync(new
        {
            path = "/apis/v2beta1/healthz", status = 404, body = "not here", headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" },
        });

        var page = await client.ListExperimentsAsync(new KfpListOptions(), None);

        Assert.NotNull(page);
    }

    [Theory]
    [InlineData(401, KfpErrorKind.Unauthenticated)]
    [InlineData(403, KfpErrorKind.PermissionDenied)]
    public async Task GetExperiment_IdentityRefused_IsAnAuthErrorNamingTheConfigKeys(int status, KfpErrorKind kind)
    {
        using var client = emulator.Client(o => o with { Retry = KfpRetryPolicy.None });
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/experiments/*", method = "GET", status, count = 1 });

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetExperimentAsync("e1", None));

        Assert.Equal(kind, e.Kind);
        Assert.True(e.IsAuthError);
        Assert.False(e.IsInputError);
        foreach (var key in new[] { "kfp:token", "kfp:tokenFile", "kfp:headers" })
        {
            Assert.Contains(key, e.Message, StringComparison.Ordinal);
        }
    }
}
