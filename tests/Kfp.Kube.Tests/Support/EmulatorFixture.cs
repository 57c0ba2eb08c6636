using Kfp.Emulator;
using Kfp.Kube.Client;
using Kfp.Kube.Config;

namespace Kfp.Kube.Tests.Support;

/// <summary>One in-process emulator per test class, with a client built from the kubeconfig it writes.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;
    private KubeClient? _client;

    public FakeTime Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    /// <summary>The client's clock: retry waits are recorded, never slept.</summary>
    public ImmediateTime ClientTime { get; } = new();

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("fixture not started");

    public KubeClient Client => _client ?? throw new InvalidOperationException("fixture not started");

    public string Kubeconfig => Host.Endpoints.Kubeconfig;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Time = Time });
        var config = new KubeConfigLoader().Load(new KubeConfigOptions { Path = Kubeconfig });
        _client = new KubeClient(config, ClientTime);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A name no other test in the class uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public HttpClient Http() => new() { BaseAddress = Host.KubernetesUrl };
}
