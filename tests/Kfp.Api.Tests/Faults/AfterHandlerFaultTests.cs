using System.Net;
using System.Net.Http.Json;
using Kfp.Emulator;

namespace Kfp.Api.Tests.Faults;

/// <summary>The emulator's lost-answer fault mode (<c>afterHandler</c>) on its three APIs: the request is carried out, the answer is the fault.</summary>
public sealed class AfterHandlerFaultTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task AddAsync(Uri api, object rule) =>
        Assert.Equal(HttpStatusCode.NoContent, (await _http.PostAsJsonAsync(new Uri(api, "/_emulator/faults"), rule)).StatusCode);

    [Fact]
    public async Task KfpCreate_AfterHandlerStatus_ObjectExistsButTheClientSawTheFault()
    {
        await AddAsync(_emulator.KfpUrl, new { path = "/apis/v2beta1/experiments", method = "POST", afterHandler = true, status = 500, count = 1 });

        var answer = await _http.PostAsJsonAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/experiments"), new { display_name = "lost" });
        var list = await _http.GetStringAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/experiments"));

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("\"code\":13", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"display_name\":\"lost\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesCreate_AfterHandlerReset_SecretExistsButTheConnectionDropped()
    {
        await AddAsync(_emulator.KubernetesUrl, new { path = "/api/v1/namespaces/*/secrets", method = "POST", afterHandler = true, reset = true, count = 1 });
        var secret = new { apiVersion = "v1", kind = "Secret", metadata = new { name = "lost" }, stringData = new Dictionary<string, string> { ["k"] = "v" } };

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsJsonAsync(new Uri(_emulator.KubernetesUrl, "/api/v1/namespaces/kubeflow/secrets"), secret));
        var read = await _http.GetAsync(new Uri(_emulator.KubernetesUrl, "/api/v1/namespaces/kubeflow/secrets/lost"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task RegistrySeed_AfterHandlerSlowAnswer_ImageExistsBeforeTheAnswerCame()
    {
        await AddAsync(_emulator.RegistryUrl, new { path = "/_emulator/images", method = "POST", afterHandler = true, status = 0, delayMs = 2000, count = 1 });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            impatient.PostAsJsonAsync(new Uri(_emulator.RegistryUrl, "/_emulator/images"), new { repository = "team/lost", tag = "v1" }));
        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(_emulator.RegistryUrl, "/v2/team/lost/manifests/v1"));
        head.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        var answer = await _http.SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task KfpCreate_AfterHandlerWithRetryAfterHeader_AnswersTheHeader()
    {
        await AddAsync(_emulator.KfpUrl, new
        {
            path = "/apis/v2beta1/experiments", method = "POST", afterHandler = true, status = 429, count = 1,
            headers = new Dictionary<string, string> { ["Retry-After"] = "7" },
        });

        var answer = await _http.PostAsJsonAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/experiments"), new { display_name = "throttled" });

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Headers.RetryAfter?.Delta);
    }
}
