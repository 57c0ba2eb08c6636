using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>
/// Ownership bookkeeping for non-apply writes (create, replace, patch): changed fields move to the writing manager,
/// removed fields leave every manager. Update operations never conflict.
/// </summary>
internal static class UpdateTracker
{
    public static void Record(JsonObject? old, JsonObject updated, string manager, string now)
    {
        var entries = ManagedFieldsEntry.Read(old);
        var before = old is null ? [] : FieldSet.Leaves(old);
        var after = FieldSet.Leaves(updated);
        var changed = after.Where(kv => !before.TryGetValue(kv.Key, out var v) || !JsonNode.DeepEquals(v, kv.Value))
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var count = entry.Paths.Count;
            entry.Paths.ExceptWith(removed);
            if (entry.Manager != manager || entry.Operation != "Update")
            {
                entry.Paths.ExceptWith(changed);
            }
            if (entry.Paths.Count != count)
            {
                entry.Time = now;
            }
        }
        if (changed.Count > 0)
        {
            var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == "Update");
            if (mine is null)
            {
                mine = new ManagedFieldsEntry(manager, "Update", now, new HashSet<string>(StringComparer.Ordinal));
                entries.Add(mine);
            }
            mine.Paths.UnionWith(changed);
            mine.Time = now;
        }
        ManagedFieldsEntry.Write(updated, entries);
    }
}
