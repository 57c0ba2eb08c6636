using Kfp.Api;
using Kfp.Compiler;
using Kfp.Kube.Client;
using Kfp.Provider.Configuration;
using Kfp.Provider.Engine;
using Kfp.Registry;

namespace Kfp.Provider.Resources;

/// <summary>The clients the provider reaches the cluster with, made from a configuration.</summary>
/// <param name="Kfp">KFP client factory (called at most once).</param>
/// <param name="Kube">Kubernetes client factory (called at most once).</param>
internal sealed record ClientFactories(Func<ProviderConfig, IKfpClient> Kfp, Func<ProviderConfig, IKubeClient> Kube)
{
    /// <summary>Container registry client factory (called at most once); the registry client needs no configuration.</summary>
    public Func<ProviderConfig, IRegistryClient> Registry { get; init; } = _ => new RegistryClient();

    /// <summary>The pipeline compiler, made from the options <see cref="CompilerSetup"/> derives from the configuration.</summary>
    public Func<PipelineCompilerOptions, IPipelineCompiler> Compiler { get; init; } = options => new PipelineCompiler(options);

    /// <summary>The clock of the cluster executor's waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// What resources reach the cluster with. Built once from the configuration by Configure; clients are made
/// on first use, so a stack that never touches KFP needs no <c>kfp:host</c>, and one without Frameworks or
/// pull secrets needs no kubeconfig.
/// </summary>
internal sealed class ProviderServices
{
    private readonly Lazy<IKfpClient> _kfp;
    private readonly Lazy<IKubeClient> _kube;
    private readonly Lazy<IRegistryClient> _registry;

    public ProviderServices(ProviderConfig config, ClientFactories factories, string programDirectory, IEngineLog log)
    {
        Config = config;
        Log = log;
        ProgramDirectory = programDirectory;
        Compiler = factories.Compiler(CompilerSetup.Options(config, new ClusterCompiler(() => Kube, () => KubeNamespace, log, factories.Time)));
        _kfp = new Lazy<IKfpClient>(() => factories.Kfp(config), LazyThreadSafetyMode.ExecutionAndPublication);
        _kube = new Lazy<IKubeClient>(() => factories.Kube(config), LazyThreadSafetyMode.ExecutionAndPublication);
        _registry = new Lazy<IRegistryClient>(() => factories.Registry(config), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ProviderConfig Config { get; }

    /// <summary>The clock status messages are paced by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>One compiler per provider process, so its content cache serves Check, Create and Update alike.</summary>
    public IPipelineCompiler Compiler { get; }

    /// <summary>Messages for the user while a resource works: warnings, status lines on its row, final outcomes.</summary>
    public IEngineLog Log { get; }

    /// <summary>The Frameworks this program declares (Pipelines compile with the program's own definition).</summary>
    public DeclaredFrameworks Frameworks { get; } = new();

    /// <summary>The Pulumi program's folder: relative pipeline sources are resolved from it.</summary>
    public string ProgramDirectory { get; }

    /// <summary>The KFP client; fails with a message that says how to set <c>kfp:host</c> when it is missing.</summary>
    public IKfpClient Kfp => Config.Host is null
        ? throw new ResourceException(
            "the KFP API address is not configured: run `pulumi config set kfp:host https://<kubeflow>/pipeline` " +
            "(or set KFP_HOST), or give an explicit kfp provider a `host`")
        : _kfp.Value;

    /// <summary>The Kubernetes client (kubeconfig errors say which field is wrong and how to fix it).</summary>
    public IKubeClient Kube => _kube.Value;

    /// <summary>The container registry client (login checks, digest resolution); it needs no configuration.</summary>
    public IRegistryClient Registry => _registry.Value;

    /// <summary>The KFP namespace a resource uses when it names none (null: single-user mode).</summary>
    public string? DefaultNamespace => Config.Namespace;

    /// <summary>The Kubernetes namespace for Frameworks and pull secrets when a resource names none.</summary>
    public string KubeNamespace => Config.Namespace ?? Kube.DefaultNamespace;
}
