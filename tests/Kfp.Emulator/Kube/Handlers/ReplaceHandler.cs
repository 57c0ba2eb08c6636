namespace Kfp.Emulator.Kube.Handlers;

/// <summary>PUT of an object: 404 when missing, 409 on a stale resourceVersion or another uid, unconditional without one.</summary>
internal sealed class ReplaceHandler(KubeStore store, ObjectWriter writer)
{
    public KubeResponse Handle(KubeRequest request)
    {
        var name = request.RequiredName;
        var dryRun = request.DryRun("UpdateOptions");
        var obj = request.ParseBody();
        request.BindNamespace(obj);
        var bodyName = KubeJson.Name(obj);
        if (bodyName != name)
        {
            throw KubeError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        lock (store.Gate)
        {
            var old = store.Get(request.Type, request.Namespace, name) ?? throw KubeError.NotFound(request.Type, name);
            var meta = KubeJson.Metadata(obj);
            var version = KubeJson.String(meta, "resourceVersion");
            if (!string.IsNullOrEmpty(version) && version != KubeJson.ResourceVersion(old))
            {
                throw KubeError.Stale(request.Type, name);
            }
            var uid = KubeJson.String(meta, "uid");
            var oldUid = KubeJson.String(KubeJson.Metadata(old), "uid");
            if (!string.IsNullOrEmpty(uid) && uid != oldUid)
            {
                throw KubeError.Conflict(request.Type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {oldUid}");
            }
            meta.Remove("managedFields");
            return new KubeResponse(200, writer.Write(request.Type, old, obj, request.Manager, dryRun));
        }
    }
}
