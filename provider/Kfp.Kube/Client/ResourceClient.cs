using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kfp.Kube.Http;
using Kfp.Kube.Json;

namespace Kfp.Kube.Client;

/// <summary>
/// The REST verbs of one kind through KubernetesClient (its request building, models and apply patches), every call
/// through <see cref="KubeErrors"/>. Namespace null for cluster-scoped kinds.
/// </summary>
internal sealed class ResourceClient<T>(IKubernetes kubernetes, KubeErrors errors, ResourceKind<T> kind, string defaultNamespace)
    : INamespacedResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public Task<T> GetAsync(string ns, string name, CancellationToken cancellationToken = default) =>
        errors.RunAsync(() => kind.Read(kubernetes, Namespace(ns), Required(name), cancellationToken));

    public async Task<T?> FindAsync(string ns, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(ns, name, cancellationToken);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<KubeList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (items, meta) = await errors.RunAsync(() => kind.List(kubernetes, kind.Namespaced ? ns : null, options ?? new ListOptions(), cancellationToken));
        return new KubeList<T>([.. items ?? []], meta ?? new V1ListMeta());
    }

    public Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        return errors.RunAsync(() => kind.Create(kubernetes, Typed(obj), NamespaceOf(obj), DryRun(options.DryRun), options.FieldManager, cancellationToken));
    }

    public Task<T> ReplaceAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        return errors.RunAsync(() => kind.Replace(kubernetes, Typed(obj), NamespaceOf(obj), NameOf(obj), DryRun(options.DryRun), options.FieldManager, cancellationToken));
    }

    public Task<T> MergePatchAsync(string ns, string name, JsonObject patch, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        var body = new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
        return errors.RunAsync(() => kind.Patch(kubernetes, body, Namespace(ns), Required(name), DryRun(options.DryRun), options.FieldManager, null, cancellationToken));
    }

    public Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApplyOptions();
        // Apply sends the intent only: a copy without the fields the server owns.
        var intent = KubeJson.Clone(Typed(obj));
        var meta = intent.Metadata ??= new V1ObjectMeta();
        meta.Uid = null;
        meta.ResourceVersion = null;
        meta.Generation = null;
        meta.CreationTimestamp = null;
        meta.DeletionTimestamp = null;
        meta.ManagedFields = null;
        var body = new V1Patch(KubernetesJson.Serialize(intent, KubeJson.Options), V1Patch.PatchType.ApplyPatch);
        return errors.RunAsync(() => kind.Patch(kubernetes, body, NamespaceOf(obj), NameOf(obj), DryRun(options.DryRun), options.FieldManager, options.Force ? true : null, cancellationToken));
    }

    public async Task<bool> DeleteAsync(string ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new V1DeleteOptions { ApiVersion = "v1", Kind = "DeleteOptions", PropagationPolicy = options?.PropagationPolicy };
        if (options?.ResourceVersion is not null || options?.Uid is not null)
        {
            body.Preconditions = new V1Preconditions { ResourceVersion = options.ResourceVersion, Uid = options.Uid };
        }
        if (options?.DryRun == true)
        {
            body.DryRun = ["All"];
        }
        try
        {
            await errors.RunAsync(() => kind.Delete(kubernetes, Namespace(ns), Required(name), body, cancellationToken));
            return true;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>The object with apiVersion and kind filled in (KubernetesClient's models start without them).</summary>
    private T Typed(T obj)
    {
        obj.ApiVersion ??= kind.ApiVersion;
        obj.Kind ??= kind.Kind;
        return obj;
    }

    private static string? DryRun(bool dryRun) => dryRun ? "All" : null;

    private string Namespace(string? ns) => !kind.Namespaced ? "" : ns is { Length: > 0 } ? ns : defaultNamespace;

    private string NamespaceOf(T obj) => Namespace(obj.Metadata?.NamespaceProperty);

    private static string NameOf(T obj) =>
        obj.Metadata?.Name is { Length: > 0 } name ? name : throw new ArgumentException($"{typeof(T).Name} needs metadata.name for this operation", nameof(obj));

    private static string Required(string name) =>
        string.IsNullOrEmpty(name) ? throw new ArgumentException("names must not be empty", nameof(name)) : name;
}
