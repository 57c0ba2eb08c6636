using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>
/// DELETE of an object: preconditions (409), finalizers (marked for deletion, kept until they are removed),
/// namespaces take their contents with them, dry-run. Success is a Status with the deleted object's uid.
/// </summary>
internal sealed class DeleteHandler(KubeStore store, ObjectWriter writer)
{
    private static readonly HashSet<string> Protected = ["default", "kube-system", "kube-public"];

    private static bool OwnedBy(JsonObject obj, string? uid) =>
        (KubeJson.Metadata(obj)["ownerReferences"] as JsonArray)?.OfType<JsonObject>().Any(o => KubeJson.String(o, "uid") == uid) == true;

    public KubeResponse Handle(KubeRequest request)
    {
        var name = request.RequiredName;
        var dryRun = request.DryRun("DeleteOptions");
        var options = request.Body.Trim().Length == 0 ? null : KubeJson.ParseObject(request.Body, request.Type);
        if (KubeJson.String(options, "dryRun") is null && options?["dryRun"] is JsonArray { Count: > 0 } modes)
        {
            dryRun |= modes.Any(m => m?.GetValue<string>() == "All");
        }
        lock (store.Gate)
        {
            var old = store.Get(request.Type, request.Namespace, name) ?? throw KubeError.NotFound(request.Type, name);
            var meta = KubeJson.Metadata(old);
            var pre = options?["preconditions"] as JsonObject;
            var wantVersion = KubeJson.String(pre, "resourceVersion");
            if (wantVersion is not null && wantVersion != KubeJson.String(meta, "resourceVersion"))
            {
                throw KubeError.Conflict(request.Type, name,
                    $"Precondition failed: ResourceVersion in precondition: {wantVersion}, ResourceVersion in object meta: {KubeJson.String(meta, "resourceVersion")}");
            }
            var wantUid = KubeJson.String(pre, "uid");
            if (wantUid is not null && wantUid != KubeJson.String(meta, "uid"))
            {
                throw KubeError.Conflict(request.Type, name,
                    $"Precondition failed: UID in precondition: {wantUid}, UID in object meta: {KubeJson.String(meta, "uid")}");
            }
            if (request.Type == ResourceType.Namespaces && Protected.Contains(name))
            {
                throw new KubeError(403, "Forbidden", $"namespaces \"{name}\" is forbidden: this namespace may not be deleted",
                    new JsonObject { ["name"] = name, ["kind"] = "namespaces" });
            }
            if ((meta["finalizers"] as JsonArray ?? []).Count > 0)
            {
                if (meta["deletionTimestamp"] is null)
                {
                    var marked = KubeJson.Clone(old);
                    KubeJson.Metadata(marked)["deletionTimestamp"] = writer.Now();
                    KubeJson.Metadata(marked)["deletionGracePeriodSeconds"] = 0;
                    if (!dryRun)
                    {
                        KubeJson.Metadata(marked)["resourceVersion"] = store.NextRevision().ToString(System.Globalization.CultureInfo.InvariantCulture);
                        store.Put(request.Type, marked);
                    }
                    return new KubeResponse(200, marked);
                }
                return new KubeResponse(200, old);
            }
            if (!dryRun)
            {
                store.NextRevision();
                store.Remove(request.Type, request.Namespace, name);
                if (request.Type == ResourceType.Namespaces)
                {
                    store.RemoveNamespaceContents(name);
                }
                // Jobs orphan their pods unless asked (the batch/v1 default); Background and Foreground remove them.
                var policy = request.Query("propagationPolicy") ?? KubeJson.String(options, "propagationPolicy");
                if (request.Type == ResourceType.Jobs && policy is "Background" or "Foreground")
                {
                    foreach (var pod in store.List(ResourceType.Pods, request.Namespace).Where(p => OwnedBy(p, KubeJson.String(meta, "uid"))))
                    {
                        store.NextRevision();
                        store.Remove(ResourceType.Pods, request.Namespace, KubeJson.Name(pod));
                    }
                }
            }
            if (request.Type == ResourceType.ServiceAccounts)
            {
                // The ServiceAccount registry returns the deleted object, not a Status (see the OpenAPI document).
                return new KubeResponse(200, old);
            }
            if (request.Type == ResourceType.Namespaces)
            {
                meta["deletionTimestamp"] = writer.Now();
                old["status"] = new JsonObject { ["phase"] = "Terminating" };
                return new KubeResponse(200, old);
            }
            return new KubeResponse(200, new JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject(),
                ["status"] = "Success",
                ["details"] = request.Type.Group.Length == 0
                    ? new JsonObject { ["name"] = name, ["kind"] = request.Type.Plural, ["uid"] = KubeJson.String(meta, "uid") }
                    : new JsonObject { ["name"] = name, ["group"] = request.Type.Group, ["kind"] = request.Type.Plural, ["uid"] = KubeJson.String(meta, "uid") },
            });
        }
    }
}
