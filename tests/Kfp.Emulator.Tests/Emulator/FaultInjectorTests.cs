using System.Net;
using System.Net.Http.Json;
using Kfp.Emulator;

namespace Kfp.Emulator.Tests.Emulator;

/// <summary>The fault-injection contract of DESIGN.md, on each of the emulator's three APIs.</summary>
public sealed class FaultInjectorTests : IAsyncLifetime
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

    private async Task<HttpStatusCode> GetAsync(Uri api, string path) => (await _http.GetAsync(new Uri(api, path))).StatusCode;

    [Fact]
    public async Task Fault_WithCount_AppliesThatManyTimesToMatchingPathsAndMethods()
    {
        var kfp = _emulator.KfpUrl;
        await AddAsync(kfp, new { path = "/apis/v2beta1/experiments*", method = "GET", status = 503, count = 2 });

        var statuses = new[] { await GetAsync(kfp, "/apis/v2beta1/experiments"), await GetAsync(kfp, "/apis/v2beta1/experiments?page_size=1"), await GetAsync(kfp, "/apis/v2beta1/experiments") };
        var otherPath = await GetAsync(kfp, "/apis/v2beta1/healthz");

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.OK, otherPath);
    }

    [Fact]
    public async Task Fault_WithoutCount_AppliesUntilCleared()
    {
        var kube = _emulator.KubernetesUrl;
        await AddAsync(kube, new { path = "/api/v1/namespaces/*/secrets*", status = 500 });

        var first = await GetAsync(kube, "/api/v1/namespaces/kubeflow/secrets");
        var second = await GetAsync(kube, "/api/v1/namespaces/kubeflow/secrets");
        await _http.DeleteAsync(new Uri(kube, "/_emulator/faults"));
        var cleared = await GetAsync(kube, "/api/v1/namespaces/kubeflow/secrets");

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK), (first, second, cleared));
    }

    [Fact]
    public async Task Fault_ErrorBody_IsTheApisOwnShape()
    {
        await AddAsync(_emulator.KfpUrl, new { path = "/apis/*", status = 404, count = 1 });
        await AddAsync(_emulator.KubernetesUrl, new { path = "/api/*", status = 409, count = 1 });
        await AddAsync(_emulator.RegistryUrl, new { path = "/v2/*", status = 502, count = 1 });

        var kfpBody = await (await _http.GetAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/experiments"))).Content.ReadAsStringAsync();
        var kubeBody = await (await _http.GetAsync(new Uri(_emulator.KubernetesUrl, "/api/v1/namespaces"))).Content.ReadAsStringAsync();
        var registryBody = await (await _http.GetAsync(new Uri(_emulator.RegistryUrl, "/v2/"))).Content.ReadAsStringAsync();

        Assert.Contains("\"code\":5", kfpBody, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Status\"", kubeBody, StringComparison.Ordinal);
        Assert.Contains("\"code\":409", kubeBody, StringComparison.Ordinal);
        Assert.Contains("\"errors\"", registryBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_Reset_DropsTheConnection()
    {
        await AddAsync(_emulator.KfpUrl, new { path = "/apis/v2beta1/healthz", reset = true, count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/healthz")));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(_emulator.KfpUrl, "/apis/v2beta1/healthz"));
    }

    [Fact]
    public async Task Fault_StatusZeroWithDelay_AnswersNormallyButLate()
    {
        await AddAsync(_emulator.KfpUrl, new { path = "/apis/v2beta1/healthz", status = 0, delayMs = 300, count = 1 });
        using var tooShort = new HttpClient { Timeout = TimeSpan.FromMilliseconds(100) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tooShort.GetAsync(new Uri(_emulator.KfpUrl, "/apis/v2beta1/healthz")));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(_emulator.KfpUrl, "/apis/v2beta1/healthz"));
    }
}
