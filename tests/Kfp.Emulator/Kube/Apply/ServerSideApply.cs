using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>
/// Server-side apply: merges a manager's applied configuration into the live object, checks field ownership
/// (409 Conflict listing each field unless forced), removes fields the manager applied before but now omits when
/// nobody else owns them, and records the manager's Apply entry in <c>managedFields</c>.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(ResourceType type, JsonObject live, JsonObject applied, string manager, bool force, string now)
    {
        var entries = ManagedFieldsEntry.Read(live);
        var appliedLeaves = FieldSet.Leaves(applied);
        var liveLeaves = FieldSet.Leaves(live);
        var others = entries.Where(e => e.Manager != manager).ToList();

        var conflicts = new List<(string Manager, string Path)>();
        foreach (var entry in others)
        {
            foreach (var path in entry.Paths.Where(appliedLeaves.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (!liveLeaves.TryGetValue(path, out var value) || !JsonNode.DeepEquals(value, appliedLeaves[path]))
                {
                    conflicts.Add((entry.Manager, path));
                }
            }
        }
        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(type, KubeJson.Name(live), conflicts);
        }
        foreach (var (owner, path) in conflicts)
        {
            foreach (var entry in others.Where(e => e.Manager == owner))
            {
                entry.Paths.Remove(path);
                entry.Time = now;
            }
        }

        var result = KubeJson.Clone(live);
        var previous = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == "Apply");
        foreach (var path in previous?.Paths.Where(p => !appliedLeaves.ContainsKey(p)) ?? [])
        {
            if (!others.Any(e => e.Paths.Contains(path)))
            {
                FieldTree.Remove(result, path);
            }
        }
        var body = KubeJson.Clone(applied);
        body.Remove("apiVersion");
        body.Remove("kind");
        FieldTree.Merge(result, body);

        var changed = previous is null || !previous.Paths.SetEquals(appliedLeaves.Keys)
            || appliedLeaves.Any(kv => !liveLeaves.TryGetValue(kv.Key, out var v) || !JsonNode.DeepEquals(v, kv.Value));
        var mine = new ManagedFieldsEntry(manager, "Apply", changed || previous is null ? now : previous.Time,
            appliedLeaves.Keys.ToHashSet(StringComparer.Ordinal));
        var updated = entries.Select(e => e == previous ? mine : e).ToList();
        if (previous is null)
        {
            updated.Add(mine);
        }
        ManagedFieldsEntry.Write(result, updated);
        return result;
    }

    private static KubeError ConflictError(ResourceType type, string name, List<(string Manager, string Path)> conflicts)
    {
        var byManager = conflicts.GroupBy(c => c.Manager).ToList();
        var noun = conflicts.Count == 1 ? "conflict" : "conflicts";
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with \"{conflicts[0].Manager}\" using v1: {FieldPath.Display(conflicts[0].Path)}";
        }
        else
        {
            var parts = byManager.Select(g => $"conflicts with \"{g.Key}\" using v1:\n" +
                string.Join("\n", g.Select(c => "- " + FieldPath.Display(c.Path))));
            message = $"Apply failed with {conflicts.Count} {noun}: " + string.Join("\n", parts);
        }
        var details = new JsonObject
        {
            ["name"] = name,
            ["kind"] = type.Plural,
            ["causes"] = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\" using v1",
                ["field"] = FieldPath.Display(c.Path),
            }).ToArray()),
        };
        return new KubeError(409, "Conflict", message, details);
    }
}
