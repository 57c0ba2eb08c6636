using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Kube.Models;

namespace Kfp.Kube.Client;

/// <summary>
/// The Kubernetes client over one <see cref="KubeClientConfig"/>. Pass a handler in tests; otherwise one is built
/// from the config's TLS settings and client certificate.
/// </summary>
public sealed class KubeClient : IKubeClient, IDisposable
{
    private readonly KubeTransport _transport;

    public KubeClient(KubeClientConfig config, HttpMessageHandler? handler = null)
    {
        Config = config;
        _transport = new KubeTransport(config, handler ?? KubeHttpHandlerFactory.Create(config), disposeHandler: handler is null);
        DefaultNamespace = config.Namespace;
        var secrets = new ResourceClient<Secret>(_transport, ResourceKinds.Secrets, config.Namespace);
        Secrets = secrets;
        ConfigMaps = new ResourceClient<ConfigMap>(_transport, ResourceKinds.ConfigMaps, config.Namespace);
        ServiceAccounts = new ResourceClient<ServiceAccount>(_transport, ResourceKinds.ServiceAccounts, config.Namespace);
        Namespaces = new ClusterResourceClient<Namespace>(new ResourceClient<Namespace>(_transport, ResourceKinds.Namespaces, config.Namespace));
    }

    public KubeClientConfig Config { get; }

    public string DefaultNamespace { get; }

    public INamespacedResourceClient<Secret> Secrets { get; }

    public INamespacedResourceClient<ConfigMap> ConfigMaps { get; }

    public INamespacedResourceClient<ServiceAccount> ServiceAccounts { get; }

    public IClusterResourceClient<Namespace> Namespaces { get; }

    public void Dispose() => _transport.Dispose();
}
