using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// The emulator and the real provider host, both in-process on loopback port 0, with the provider configured
/// against the emulator. One per test class.
/// </summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    private EmulatorHost? _emulator;
    private ProviderHost? _host;
    private GrpcUnaryClient? _grpc;

    public EmulatorHost Emulator => _emulator!;

    internal ProviderClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new NoEnvironment()), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        _grpc = new GrpcUnaryClient(new Uri($"http://127.0.0.1:{_host.Port}"));
        Client = new ProviderClient(_grpc);
        await Client.ConfigureAsync(PropertyMap.Empty.With("host", PropertyValue.Of(Emulator.Endpoints.Kfp)));
    }

    public async Task DisposeAsync()
    {
        _grpc?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>No environment variables: tests never see the machine's KFP_HOST or KUBECONFIG.</summary>
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
