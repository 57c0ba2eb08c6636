using Kfp.Api;
using Kfp.Provider.Configuration;

namespace Kfp.Provider.Engine;

/// <summary>
/// What resources reach the cluster with. Built once from the configuration by Configure; clients are made
/// on first use, so a stack that never touches KFP needs no <c>kfp:host</c>.
/// </summary>
public sealed class ProviderServices
{
    private readonly Lazy<IKfpClient> _kfp;

    public ProviderServices(ProviderConfig config, Func<ProviderConfig, IKfpClient> kfpFactory)
    {
        Config = config;
        _kfp = new Lazy<IKfpClient>(() => kfpFactory(config), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ProviderConfig Config { get; }

    /// <summary>The KFP client; fails with a message that says how to set <c>kfp:host</c> when it is missing.</summary>
    public IKfpClient Kfp => Config.Host is null
        ? throw new ResourceException(
            "the KFP API address is not configured: run `pulumi config set kfp:host https://<kubeflow>/pipeline` " +
            "(or set KFP_HOST), or give an explicit kfp provider a `host`")
        : _kfp.Value;

    /// <summary>The namespace a resource uses when it names none.</summary>
    public string? DefaultNamespace => Config.Namespace;
}
