using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Kube.Http;
using Kfp.Kube.Json;
using Kfp.Kube.Models;

namespace Kfp.Kube.Client;

/// <summary>The REST verbs of one kind over the shared transport (namespace null for cluster-scoped kinds).</summary>
internal sealed class ResourceClient<T>(KubeTransport transport, ResourceKind<T> kind, string defaultNamespace) : INamespacedResourceClient<T>
    where T : class, IKubeObject
{
    public async Task<T> GetAsync(string ns, string name, CancellationToken cancellationToken = default) =>
        Parse(await transport.SendAsync(new KubeRequest(HttpMethod.Get, ObjectPath(ns, name)), cancellationToken));

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
        var query = Query(
            ("labelSelector", options?.LabelSelector),
            ("fieldSelector", options?.FieldSelector),
            ("limit", options?.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("continue", options?.Continue));
        var body = await transport.SendAsync(new KubeRequest(HttpMethod.Get, CollectionPath(ns, all: true) + query), cancellationToken);
        return JsonSerializer.Deserialize(body, kind.ListJson) ?? new KubeList<T>();
    }

    public async Task<T> CreateAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        var path = CollectionPath(NamespaceOf(obj), all: false) + Query(("fieldManager", options.FieldManager), ("dryRun", DryRun(options.DryRun)));
        return Parse(await transport.SendAsync(new KubeRequest(HttpMethod.Post, path, Serialize(obj)), cancellationToken));
    }

    public async Task<T> ReplaceAsync(T obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        var path = ObjectPath(NamespaceOf(obj), NameOf(obj)) + Query(("fieldManager", options.FieldManager), ("dryRun", DryRun(options.DryRun)));
        return Parse(await transport.SendAsync(new KubeRequest(HttpMethod.Put, path, Serialize(obj)), cancellationToken));
    }

    public async Task<T> MergePatchAsync(string ns, string name, JsonObject patch, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WriteOptions();
        var path = ObjectPath(ns, name) + Query(("fieldManager", options.FieldManager), ("dryRun", DryRun(options.DryRun)));
        var body = patch.ToJsonString();
        return Parse(await transport.SendAsync(new KubeRequest(HttpMethod.Patch, path, body, "application/merge-patch+json"), cancellationToken));
    }

    public async Task<T> ApplyAsync(T obj, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApplyOptions();
        var meta = obj.Metadata with
        {
            Uid = null,
            ResourceVersion = null,
            Generation = null,
            CreationTimestamp = null,
            DeletionTimestamp = null,
            ManagedFields = null,
        };
        var applied = kind.WithMetadata(obj, meta);
        var path = ObjectPath(NamespaceOf(obj), NameOf(obj)) + Query(
            ("fieldManager", options.FieldManager), ("force", options.Force ? "true" : null), ("dryRun", DryRun(options.DryRun)));
        return Parse(await transport.SendAsync(new KubeRequest(HttpMethod.Patch, path, Serialize(applied), "application/apply-patch+yaml"), cancellationToken));
    }

    public async Task<bool> DeleteAsync(string ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options?.ResourceVersion is not null || options?.Uid is not null)
        {
            var pre = new JsonObject();
            if (options.Uid is { } uid)
            {
                pre["uid"] = uid;
            }
            if (options.ResourceVersion is { } rv)
            {
                pre["resourceVersion"] = rv;
            }
            body["preconditions"] = pre;
        }
        if (options?.DryRun == true)
        {
            body["dryRun"] = new JsonArray("All");
        }
        try
        {
            await transport.SendAsync(new KubeRequest(HttpMethod.Delete, ObjectPath(ns, name), body.ToJsonString()), cancellationToken);
            return true;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private T Parse(string body) =>
        JsonSerializer.Deserialize(body, kind.Json) ?? throw new KubeApiException($"the Kubernetes API returned an empty {typeof(T).Name}");

    private string Serialize(T obj) => JsonSerializer.Serialize(obj, kind.Json);

    private string NamespaceOf(T obj) => obj.Metadata.Namespace is { Length: > 0 } ns ? ns : defaultNamespace;

    private static string NameOf(T obj) =>
        obj.Metadata.Name is { Length: > 0 } name ? name : throw new ArgumentException($"{typeof(T).Name} needs metadata.name for this operation", nameof(obj));

    private string CollectionPath(string? ns, bool all) =>
        kind.Namespaced && (ns is not null || !all) ? $"/api/v1/namespaces/{Escape(ns ?? defaultNamespace)}/{kind.Plural}" : $"/api/v1/{kind.Plural}";

    private string ObjectPath(string? ns, string name) =>
        kind.Namespaced ? $"/api/v1/namespaces/{Escape(ns ?? defaultNamespace)}/{kind.Plural}/{Escape(name)}" : $"/api/v1/{kind.Plural}/{Escape(name)}";

    private static string Escape(string segment) =>
        segment.Length == 0 ? throw new ArgumentException("names and namespaces must not be empty") : Uri.EscapeDataString(segment);

    private static string? DryRun(bool dryRun) => dryRun ? "All" : null;

    private static string Query(params (string Key, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
