using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Apply;
using Kfp.Emulator.Kube.Patches;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>
/// PATCH: JSON patch, merge patch, strategic merge patch (200; 404 when missing) and server-side apply
/// (create-on-apply with 201, field manager conflicts, <c>force</c>). Unknown content types are 415.
/// </summary>
internal sealed class PatchHandler(KubeStore store, ObjectWriter writer)
{
    private const string Accepted = "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json";

    public KubeResponse Handle(KubeRequest request)
    {
        var name = request.RequiredName;
        var contentType = (request.Http.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var dryRun = request.DryRun("PatchOptions");
        var force = request.Query("force") is { } f && f.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (contentType == "application/apply-patch+yaml")
        {
            return ApplyPatch(request, name, force, dryRun);
        }
        if (force)
        {
            var error = FieldError.Forbidden("force", "may not be specified for non-apply patch");
            throw new KubeError(422, "Invalid", $"PatchOptions.meta.k8s.io \"\" is invalid: {error}",
                new JsonObject { ["kind"] = "PatchOptions", ["causes"] = new JsonArray(error.ToCause()) });
        }
        var patch = ParsePatch(request, contentType);
        lock (store.Gate)
        {
            var old = store.Get(request.Type, request.Namespace, name) ?? throw KubeError.NotFound(request.Type, name);
            var patched = contentType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(old, patch as JsonArray ?? throw KubeError.BadRequest("json patch must be a JSON array of operations")),
                "application/merge-patch+json" => MergePatch.Apply(old, patch) as JsonObject ?? throw KubeError.BadRequest("merge patch must be a JSON object"),
                _ => StrategicMergePatch.Apply(old, patch as JsonObject ?? throw KubeError.BadRequest("strategic merge patch must be a JSON object")),
            };
            CheckIdentity(request, name, old, request.CheckFields(patched));
            KubeJson.Metadata(patched).Remove("managedFields");
            return new KubeResponse(200, writer.Write(request.Type, old, patched, request.Manager, dryRun));
        }
    }

    private static JsonNode? ParsePatch(KubeRequest request, string contentType)
    {
        if (contentType is not ("application/json-patch+json" or "application/merge-patch+json" or "application/strategic-merge-patch+json"))
        {
            throw new KubeError(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {Accepted}");
        }
        try
        {
            return JsonNode.Parse(request.Body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw KubeError.BadRequest($"error decoding patch: {e.Message}");
        }
    }

    private KubeResponse ApplyPatch(KubeRequest request, string name, bool force, bool dryRun)
    {
        var manager = request.Query("fieldManager");
        if (string.IsNullOrEmpty(manager))
        {
            var error = FieldError.Required("fieldManager", "is required for apply patch");
            throw new KubeError(422, "Invalid", $"PatchOptions.meta.k8s.io \"\" is invalid: {error}",
                new JsonObject { ["kind"] = "PatchOptions", ["causes"] = new JsonArray(error.ToCause()) });
        }
        var applied = request.CheckFields(YamlJson.ParseObject(request.Body, request.Type));
        if (KubeJson.String(applied, "apiVersion") != request.Type.ApiVersion || KubeJson.String(applied, "kind") != request.Type.Kind)
        {
            throw KubeError.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {KubeJson.String(applied, "apiVersion")}, expected: {request.Type.ApiVersion}");
        }
        var meta = KubeJson.Metadata(applied);
        if (meta["managedFields"] is not null)
        {
            throw KubeError.BadRequest("metadata.managedFields must be nil");
        }
        request.BindNamespace(applied);
        lock (store.Gate)
        {
            var old = store.Get(request.Type, request.Namespace, name);
            if (old is null && request.Type.Namespaced && !store.Exists(ResourceType.Namespaces, null, request.Namespace!))
            {
                throw KubeError.NotFound(ResourceType.Namespaces, request.Namespace!);
            }
            var live = old ?? new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = request.Namespace } };
            var version = KubeJson.String(meta, "resourceVersion");
            if (!string.IsNullOrEmpty(version) && version != KubeJson.ResourceVersion(live))
            {
                throw old is null ? KubeError.NotFound(request.Type, name) : KubeError.Stale(request.Type, name);
            }
            meta.Remove("resourceVersion");
            var merged = ServerSideApply.Apply(request.Type, live, applied, manager, force, writer.Now());
            CheckIdentity(request, name, live, merged);
            var result = writer.Write(request.Type, old, merged, manager: null, dryRun);
            return new KubeResponse(old is null ? 201 : 200, result);
        }
    }

    private static void CheckIdentity(KubeRequest request, string name, JsonObject old, JsonObject patched)
    {
        var patchedName = KubeJson.Name(patched);
        if (patchedName != name)
        {
            throw KubeError.BadRequest($"the name of the object ({patchedName}) does not match the name on the URL ({name})");
        }
        request.BindNamespace(patched);
        var version = KubeJson.ResourceVersion(patched);
        if (!string.IsNullOrEmpty(version) && version != KubeJson.ResourceVersion(old) && KubeJson.ResourceVersion(old) is not null)
        {
            throw KubeError.Stale(request.Type, name);
        }
    }
}
