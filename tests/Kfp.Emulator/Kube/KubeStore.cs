using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Watch;

namespace Kfp.Emulator.Kube;

/// <summary>
/// All objects of the emulated API and the one resourceVersion counter shared by them (like etcd's revision).
/// Callers take <see cref="Gate"/> around a whole read-check-write so requests are serialised.
/// </summary>
internal sealed class KubeStore
{
    private readonly SortedDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public WatchHub Watches { get; } = new();

    public long Revision { get; private set; }

    public long NextRevision() => ++Revision;

    public JsonObject? Get(ResourceType type, string? ns, string name) =>
        _objects.TryGetValue(Key(type, ns, name), out var obj) ? KubeJson.Clone(obj) : null;

    public bool Exists(ResourceType type, string? ns, string name) => _objects.ContainsKey(Key(type, ns, name));

    /// <summary>Objects of a type, in one namespace or (null) all, ordered by namespace then name.</summary>
    public List<JsonObject> List(ResourceType type, string? ns)
    {
        var prefix = type.Plural + "/" + (type.Namespaced && ns is not null ? ns + "/" : "");
        return _objects.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(kv => KubeJson.Clone(kv.Value)).ToList();
    }

    public void Put(ResourceType type, JsonObject obj)
    {
        var meta = KubeJson.Metadata(obj);
        var key = Key(type, KubeJson.String(meta, "namespace"), KubeJson.Name(obj));
        var existed = _objects.ContainsKey(key);
        _objects[key] = KubeJson.Clone(obj);
        Watches.Publish(new WatchEvent(Revision, existed ? "MODIFIED" : "ADDED", type, KubeJson.Clone(obj)));
    }

    public void Remove(ResourceType type, string? ns, string name)
    {
        if (_objects.Remove(Key(type, ns, name), out var removed))
        {
            Watches.Publish(new WatchEvent(Revision, "DELETED", type, removed));
        }
    }

    public void RemoveNamespaceContents(string ns)
    {
        foreach (var key in _objects.Keys.Where(k => k.Split('/') is [_, var n, _] && n == ns).ToList())
        {
            var parts = key.Split('/');
            Remove(ResourceType.ByPlural(parts[0])!, ns, parts[2]);
        }
    }

    /// <summary>The persisted form: the counter and every object, in key order (deterministic).</summary>
    public JsonObject Snapshot() => new()
    {
        ["resourceVersion"] = Revision,
        ["objects"] = new JsonArray(_objects.Values.Select(o => (JsonNode)o.DeepClone()).ToArray()),
    };

    public void Restore(JsonObject snapshot)
    {
        _objects.Clear();
        Revision = snapshot["resourceVersion"]?.GetValue<long>() ?? 0;
        foreach (var node in snapshot["objects"]?.AsArray() ?? [])
        {
            if (node is JsonObject obj && ResourceType.ByKind(KubeJson.String(obj, "kind") ?? "") is { } type)
            {
                Put(type, obj);
            }
        }
    }

    private static string Key(ResourceType type, string? ns, string name) =>
        type.Namespaced ? $"{type.Plural}/{ns}/{name}" : $"{type.Plural}/{name}";
}
