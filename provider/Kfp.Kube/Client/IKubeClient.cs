using Kfp.Kube.Models;

namespace Kfp.Kube.Client;

/// <summary>The Kubernetes operations the provider uses: Secrets, ConfigMaps, ServiceAccounts and Namespaces.</summary>
public interface IKubeClient
{
    /// <summary>The namespace from the config (context namespace, else <c>default</c>).</summary>
    string DefaultNamespace { get; }

    INamespacedResourceClient<Secret> Secrets { get; }

    INamespacedResourceClient<ConfigMap> ConfigMaps { get; }

    INamespacedResourceClient<ServiceAccount> ServiceAccounts { get; }

    IClusterResourceClient<Namespace> Namespaces { get; }
}
