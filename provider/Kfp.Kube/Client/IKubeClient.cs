using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>
/// The Kubernetes operations the provider uses, on KubernetesClient's models: Secrets, ConfigMaps, ServiceAccounts
/// and Namespaces for pull secrets and frameworks; Jobs, Pods and pod logs for compiles that run on the cluster.
/// </summary>
public interface IKubeClient
{
    /// <summary>The namespace from the config (context namespace, else <c>default</c>).</summary>
    string DefaultNamespace { get; }

    INamespacedResourceClient<V1Secret> Secrets { get; }

    INamespacedResourceClient<V1ConfigMap> ConfigMaps { get; }

    INamespacedResourceClient<V1ServiceAccount> ServiceAccounts { get; }

    IClusterResourceClient<V1Namespace> Namespaces { get; }

    /// <summary><c>batch/v1</c> Jobs; delete with <see cref="DeleteOptions.PropagationPolicy"/> to remove their pods too.</summary>
    INamespacedResourceClient<V1Job> Jobs { get; }

    INamespacedResourceClient<V1Pod> Pods { get; }

    /// <summary>A pod's log (<c>pods/log</c>): one container (null: the only one), the last <paramref name="tailLines"/> lines when set.</summary>
    Task<string> ReadPodLogAsync(string ns, string pod, string? container = null, int? tailLines = null, CancellationToken cancellationToken = default);
}
