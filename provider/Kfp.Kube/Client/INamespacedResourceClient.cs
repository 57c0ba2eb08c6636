using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>Typed operations on one namespaced kind, on KubernetesClient models. Writes take the namespace from the object's metadata, else the client's default.</summary>
public interface INamespacedResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <exception cref="Http.KubeApiException">NotFound when the object does not exist.</exception>
    Task<T> GetAsync(string ns, string name, CancellationToken cancellationToken = default);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<T?> FindAsync(string ns, string name, CancellationToken cancellationToken = default);

    /// <summary>One page of objects in <paramref name="ns"/> (null: all namespaces).</summary>
    Task<KubeList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>PUT; with <c>metadata.resourceVersion</c> set, a stale version fails with 409 Conflict.</summary>
    Task<T> ReplaceAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>RFC 7386 JSON merge patch (null values delete keys).</summary>
    Task<T> MergePatchAsync(string ns, string name, JsonObject patch, WriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Server-side apply of the fields set in <paramref name="obj"/>; creates the object when missing.</summary>
    Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>True when deleted, false when it was already gone.</summary>
    Task<bool> DeleteAsync(string ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);
}
