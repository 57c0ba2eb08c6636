using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>A cluster-scoped view of <see cref="ResourceClient{T}"/> (no namespace in the paths).</summary>
internal sealed class ClusterResourceClient<T>(ResourceClient<T> inner) : IClusterResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public Task<T> GetAsync(string name, CancellationToken cancellationToken = default) => inner.GetAsync("", name, cancellationToken);

    public Task<T?> FindAsync(string name, CancellationToken cancellationToken = default) => inner.FindAsync("", name, cancellationToken);

    public Task<KubeList<T>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(null, options, cancellationToken);

    public Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(obj, options, cancellationToken);

    public Task<T> ReplaceAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ReplaceAsync(obj, options, cancellationToken);

    public Task<T> MergePatchAsync(string name, JsonObject patch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.MergePatchAsync("", name, patch, options, cancellationToken);

    public Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ApplyAsync(obj, options, cancellationToken);

    public Task<bool> DeleteAsync(string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync("", name, options, cancellationToken);
}
