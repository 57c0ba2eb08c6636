using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>Typed operations on one cluster-scoped kind (Namespaces), on KubernetesClient models.</summary>
public interface IClusterResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    Task<T> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<T?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<KubeList<T>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default);

    Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default);

    Task<T> ReplaceAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default);

    Task<T> MergePatchAsync(string name, JsonObject patch, WriteOptions? options = null, CancellationToken cancellationToken = default);

    Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);
}
