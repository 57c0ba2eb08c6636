using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Kfp.Emulator;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Host;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Tests.Lifecycle;
using Kfp.Provider.Tests.Protocol.Grpc;

namespace Kfp.Provider.Tests.Frameworks;

/// <summary>
/// An emulator whose pods run the compiler image <see cref="Image"/> as a local process (<c>--image-command</c>), a program
/// folder, and providers started on demand (each one a fresh process as far as the provider knows: a new preview or up),
/// each with a fake engine that records its log.
/// </summary>
public sealed class FrameworkFixture : IAsyncLifetime
{
    public const string Image = "registry.example/compilers/shell:1";

    private EmulatorHost? _emulator;

    public EmulatorHost Emulator => _emulator!;

    public string ProgramDirectory { get; } = Directory.CreateTempSubdirectory("kfp-fw-program-").FullName;

    public string CacheDirectory { get; } = Directory.CreateTempSubdirectory("kfp-fw-cache-").FullName;

    public string AddSample(string fixture, string asName)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipelines", fixture), Path.Combine(ProgramDirectory, asName), overwrite: true);
        return asName;
    }

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ImageCommands = new Dictionary<string, string>(StringComparer.Ordinal) { [Image] = "/usr/bin/env" },
        });

    /// <summary>A provider configured against the emulator, plus <paramref name="config"/> (e.g. trustedFrameworks).</summary>
    internal async Task<Session> StartAsync(params (string Key, PropertyValue Value)[] config)
    {
        var engine = await FakeEngine.StartAsync();
        var host = await ProviderHost.StartAsync(log => KfpProviderFactory.Create(log, new NoEnvironment(), ProgramDirectory), engine.Address,
            new DiagnosticLog(TextWriter.Null), CancellationToken.None);
        var grpc = ProviderClient.Channel(host.Port);
        var client = new ProviderClient(grpc);
        await client.ConfigureAsync(config.Aggregate(PropertyMap.Empty
            .With("host", PropertyValue.Of(Emulator.Endpoints.Kfp))
            .With("kubeconfig", PropertyValue.Of(Emulator.Endpoints.Kubeconfig))
            .With("cacheDir", PropertyValue.Of(CacheDirectory)), (m, c) => m.With(c.Key, c.Value)));
        return new Session(engine, host, grpc, client);
    }

    /// <summary>Plain HTTP to the emulated Kubernetes API, as kubectl would.</summary>
    internal HttpClient Kube()
    {
        var http = new HttpClient { BaseAddress = Emulator.KubernetesUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "kfp-emulator-token");
        return http;
    }

    internal async Task<JsonObject> KubeGetAsync(string path)
    {
        using var http = Kube();
        return (await http.GetFromJsonAsync<JsonObject>(new Uri(path, UriKind.Relative)))!;
    }

    /// <summary><c>kubectl patch --type merge</c>.</summary>
    internal async Task KubePatchAsync(string path, JsonObject patch)
    {
        using var http = Kube();
        using var content = new StringContent(patch.ToJsonString(), new MediaTypeHeaderValue("application/merge-patch+json"));
        (await http.PatchAsync(new Uri(path, UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    internal async Task CreateNamespaceAsync(string name)
    {
        using var http = Kube();
        using var content = JsonContent.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } });
        var response = await http.PostAsync(new Uri("/api/v1/namespaces", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 409, $"namespace {name}: {(int)response.StatusCode}");
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
        Directory.Delete(ProgramDirectory, recursive: true);
        Directory.Delete(CacheDirectory, recursive: true);
    }

    /// <summary>One provider process and the engine that hears its log.</summary>
    internal sealed class Session(FakeEngine engine, ProviderHost host, GrpcChannel grpc, ProviderClient client) : IAsyncDisposable
    {
        public ProviderClient Client => client;

        public FakeEngine Engine => engine;

        /// <summary>The log messages so far (waits briefly for the first).</summary>
        public async Task<IReadOnlyList<LogRequest>> LogsAsync(Func<LogRequest, bool> until)
        {
            var logs = new List<LogRequest>();
            while (true)
            {
                var next = await engine.NextLogAsync();
                logs.Add(next);
                if (until(next))
                {
                    return logs;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            grpc.Dispose();
            await host.DisposeAsync();
            await engine.DisposeAsync();
        }
    }

    private sealed class NoEnvironment : IEnvironment
    {
        public string? Get(string name) => null;
    }
}
