using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Apply;
using Kfp.Emulator.Kube.Validation;

namespace Kfp.Emulator.Kube;

/// <summary>
/// The one write path of every verb: normalise, keep server-owned metadata, validate, record field ownership,
/// skip no-op writes, stamp a new resourceVersion from the shared counter and store (unless dry-run).
/// Callers hold the store's gate.
/// </summary>
internal sealed class ObjectWriter(KubeStore store, TimeProvider time)
{
    public string Now() => Timestamp(time.GetUtcNow());

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <param name="old">The stored object, or null for a create.</param>
    /// <param name="manager">The Update manager to record, or null when <paramref name="candidate"/> already carries
    /// the managedFields an apply computed.</param>
    public JsonObject Write(ResourceType type, JsonObject? old, JsonObject candidate, string? manager, bool dryRun)
    {
        var obj = Normalizer.Normalize(type, candidate);
        var meta = KubeJson.Metadata(obj);
        if (old is null)
        {
            meta["uid"] = Guid.NewGuid().ToString();
            meta["creationTimestamp"] = Now();
            meta.Remove("deletionTimestamp");
            meta.Remove("resourceVersion");
            if (type == ResourceType.Jobs)
            {
                Workloads.JobDefaults.Validate(obj);
                Workloads.JobDefaults.Apply(obj);
            }
        }
        else
        {
            var oldMeta = KubeJson.Metadata(old);
            foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName" })
            {
                meta.Remove(field);
                if (oldMeta[field] is { } value)
                {
                    meta[field] = value.DeepClone();
                }
            }
            meta["resourceVersion"] = oldMeta["resourceVersion"]?.DeepClone();
        }
        if (type == ResourceType.Namespaces)
        {
            obj = Normalizer.Normalize(type, obj);
            meta = KubeJson.Metadata(obj);
        }
        ObjectValidator.Validate(type, obj, old);
        if (manager is not null)
        {
            UpdateTracker.Record(old, obj, manager, Now());
        }
        if (old is not null && JsonNode.DeepEquals(old, obj))
        {
            return old;
        }
        var ns = KubeJson.String(meta, "namespace");
        if (meta["deletionTimestamp"] is not null && (meta["finalizers"] as JsonArray ?? []).Count == 0)
        {
            if (!dryRun)
            {
                store.NextRevision();
                store.Remove(type, ns, KubeJson.Name(obj));
            }
            return obj;
        }
        if (!dryRun)
        {
            meta["resourceVersion"] = store.NextRevision().ToString(CultureInfo.InvariantCulture);
            store.Put(type, obj);
        }
        return obj;
    }
}
