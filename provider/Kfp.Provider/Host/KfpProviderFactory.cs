using Kfp.Api;
using Kfp.Api.Auth;
using Kfp.Compiler;
using Kfp.Kube.Client;
using Kfp.Kube.Config;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Provider.Resources;
using Kfp.Registry;

namespace Kfp.Provider.Host;

/// <summary>Builds the provider with its real clients: what the plugin entry point runs.</summary>
internal static class KfpProviderFactory
{
    public static IProvider Create(IEngineLog log, IEnvironment environment, string? programDirectory = null) =>
        new KfpProvider(log, environment, new ClientFactories(KfpClientFor, KubeClientFor) { Registry = RegistryClientFor },
            programDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>Provider configuration → KFP client options (a token file wins over a fixed token, as KFP's SDK does).</summary>
    public static IKfpClient KfpClientFor(ProviderConfig config) => new KfpClient(new KfpClientOptions
    {
        BaseAddress = config.Host!,
        Namespace = config.Namespace,
        Token = config.TokenFile is { } file ? new FileTokenSource(file) : config.Token is { } token ? new StaticTokenSource(token) : null,
        Headers = config.Headers,
        CaCertificate = config.CaCertificate,
        InsecureSkipTlsVerify = config.InsecureSkipTlsVerify,
        Timeout = config.RequestTimeout ?? Defaults.Timeout,
        Deadline = config.OperationTimeout ?? Defaults.Deadline,
    });

    private static readonly KfpClientOptions Defaults = new() { BaseAddress = new Uri("http://localhost") };

    /// <summary>Provider configuration → registry client: the same request timeout and operation deadline as KFP.</summary>
    public static IRegistryClient RegistryClientFor(ProviderConfig config)
    {
        var defaults = new RegistryClientOptions();
        return new RegistryClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, defaults with
        {
            RequestTimeout = config.RequestTimeout ?? defaults.RequestTimeout,
            Deadline = config.OperationTimeout ?? defaults.Deadline,
        });
    }

    /// <summary>Provider configuration → Kubernetes client: kubeconfig path or content, context, namespace.</summary>
    public static IKubeClient KubeClientFor(ProviderConfig config)
    {
        var options = KubeConfigOptions.FromPathOrContent(config.Kubeconfig, config.Context) with
        {
            Namespace = config.Namespace,
            FallbackNamespace = ProviderConfig.DefaultNamespace,
        };
        return new KubeClient(new KubeConfigLoader().Load(options));
    }
}
