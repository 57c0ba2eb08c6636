using System.Net.Http.Json;
using Kfp.Emulator;

namespace Kfp.Api.Tests.Support;

/// <summary>One in-process emulator shared by a test class; faults are cleared between tests by <see cref="ClearFaultsAsync"/>.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;
    private readonly HttpClient _control = new();

    public Uri KfpUrl => _host!.KfpUrl;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        _control.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client with retries that do not wait, so retry tests take no time.</summary>
    public KfpClient Client(Func<KfpClientOptions, KfpClientOptions>? configure = null, HttpMessageHandler? inner = null)
    {
        var options = new KfpClientOptions
        {
            BaseAddress = KfpUrl,
            Retry = new KfpRetryPolicy { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
            Handler = new SchemaCheckingHandler(inner ?? new SocketsHttpHandler()),
        };
        return new KfpClient(configure is null ? options : configure(options));
    }

    public async Task AddFaultAsync(object rule)
    {
        using var response = await _control.PostAsJsonAsync(new Uri(KfpUrl, "/_emulator/faults"), rule);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _control.DeleteAsync(new Uri(KfpUrl, "/_emulator/faults"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Plays another KFP server: a release (e.g. "2.5.0") and single- or multi-user mode.</summary>
    public async Task ConfigureAsync(string version = "2.17.0", bool multiUser = false)
    {
        using var response = await _control.PostAsJsonAsync(new Uri(KfpUrl, "/_emulator/config"), new { version, multiUser });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// A raw call bypassing the client, for quirk tests. The answer is still checked against the swagger;
    /// the request is not (quirk tests send what the API rejects).
    /// </summary>
    public async Task<(int Status, string Body)> RawAsync(HttpMethod method, string path, string? json = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = new HttpClient(new SchemaCheckingHandler(new SocketsHttpHandler(), checkRequests: false));
        using var request = new HttpRequestMessage(method, new Uri(KfpUrl, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
