using System.Net;
using Kfp.Emulator.Faults;
using Kfp.Emulator.Kfp;
using Kfp.Emulator.Kube;
using Kfp.Emulator.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kfp.Emulator;

/// <summary>
/// A local stand-in for a Kubeflow cluster: the KFP v2beta1 API, the Kubernetes core/v1 API and an OCI
/// registry, each on its own loopback port. Used in-process by tests and by the <c>kfp-emulator</c> binary.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly List<(WebApplication App, IEmulatedApi Api)> _servers;
    private readonly EmulatorOptions _options;
    private readonly string? _ownedDir;
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    private EmulatorHost(EmulatorOptions options, List<(WebApplication, IEmulatedApi)> servers, EmulatorEndpoints endpoints, string? ownedDir)
    {
        _options = options;
        _servers = servers;
        Endpoints = endpoints;
        _ownedDir = ownedDir;
    }

    public EmulatorEndpoints Endpoints { get; }

    public Uri KfpUrl => new(Endpoints.Kfp);

    public Uri KubernetesUrl => new(Endpoints.Kubernetes);

    public Uri RegistryUrl => new(Endpoints.Registry);

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        string? ownedDir = null;
        var dir = options.StateDir;
        if (dir is null)
        {
            ownedDir = Directory.CreateTempSubdirectory("kfp-emulator-").FullName;
            dir = ownedDir;
        }
        Directory.CreateDirectory(dir);

        var kfp = new KfpApi(options);
        var kube = new KubeApi(options);
        var registry = new RegistryApi(options);
        var certificate = options.KubeTls ? ServingCertificate.Create() : null;
        var servers = new List<(WebApplication, IEmulatedApi)>();
        var urls = new List<string>();
        foreach (var (api, errorBody) in new (IEmulatedApi, Func<int, string>)[]
                 {
                     (kfp, KfpApi.ErrorBody), (kube, KubeApi.ErrorBody), (registry, RegistryApi.ErrorBody),
                 })
        {
            var app = Build(api == kube ? certificate : null);
            api.UseOutermost(app);
            new FaultInjector(errorBody).Use(app);
            api.Map(app);
            await app.StartAsync(cancellationToken);
            servers.Add((app, api));
            urls.Add(BoundUrl(app));
        }

        var kubeconfig = Path.Combine(dir, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, KubeconfigFile.For(urls[1], options.Tokens.Count > 0 ? Kfp.Core.TokenGrant.Parse(options.Tokens[0]).Token : KubeconfigFile.Token,
            certificate is null ? null : ServingCertificate.AuthorityData(certificate)), cancellationToken);
        var endpoints = new EmulatorEndpoints(urls[0], urls[1], urls[2], Path.GetFullPath(kubeconfig));
        return new EmulatorHost(options, servers, endpoints, ownedDir) { _certificate = certificate };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, api) in _servers)
        {
            if (_options.StateDir is not null)
            {
                await api.SaveAsync(CancellationToken.None);
            }
            await app.StopAsync();
            await app.DisposeAsync();
        }
        _certificate?.Dispose();
        if (_ownedDir is not null)
        {
            try
            {
                Directory.Delete(_ownedDir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static WebApplication Build(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                l.Protocols = HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                {
                    l.UseHttps(certificate);
                }
            }));
        return builder.Build();
    }

    private static string BoundUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}
