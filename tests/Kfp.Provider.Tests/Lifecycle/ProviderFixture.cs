using Grpc.Net.Client;
using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>
/// The emulator and the real provider host, both in-process on loopback port 0, with the provider configured
/// against the emulator. One per test class. Every message the provider sends to the engine is kept in
/// <see cref="EngineLog"/>.
/// </summary>
public class ProviderFixture : IAsyncLifetime
{
    private readonly EmulatorOptions _options;
    private EmulatorHost? _emulator;
    private ProviderHost? _host;
    private GrpcChannel? _grpc;

    public ProviderFixture()
        : this(new EmulatorOptions())
    {
    }

    /// <summary>For fixtures whose emulator starts with other options (runs that execute, tasks that fail).</summary>
    protected ProviderFixture(EmulatorOptions options) => _options = options;

    public EmulatorHost Emulator => _emulator!;

    /// <summary>What the provider sent to the engine's log (Engine/Log), in order.</summary>
    internal RecordingEngineLog EngineLog { get; } = new();

    /// <summary>The Pulumi program's folder: tests write pipeline sources here.</summary>
    public string ProgramDirectory { get; } = Directory.CreateTempSubdirectory("kfp-program-").FullName;

    /// <summary>Copies a sample pipeline from the fixtures into the program folder; returns its relative path.</summary>
    public string AddSample(string fixture, string? asName = null)
    {
        var target = asName ?? Path.GetFileName(fixture);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", fixture), Path.Combine(ProgramDirectory, target), overwrite: true);
        return target;
    }

    /// <summary>Writes a source file into the program folder; returns its relative path.</summary>
    public string AddSource(string name, string text)
    {
        File.WriteAllText(Path.Combine(ProgramDirectory, name), text);
        return name;
    }

    internal ProviderClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(_options);
        _host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(EngineLog.Around(log), new NoEnvironment(), ProgramDirectory), null,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        _grpc = ProviderClient.Channel(_host.Port);
        Client = new ProviderClient(_grpc);
        await Client.ConfigureAsync(PropertyMap.Empty
            .With("host", PropertyValue.Of(Emulator.Endpoints.Kfp))
            .With("kubeconfig", PropertyValue.Of(Emulator.Endpoints.Kubeconfig)));
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
        Directory.Delete(ProgramDirectory, recursive: true);
    }

    /// <summary>No environment variables: tests never see the machine's KFP_HOST or KUBECONFIG.</summary>
    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
