using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>POST to a collection: 201 with the stored object, AlreadyExists, generateName, dry-run.</summary>
internal sealed class CreateHandler(KubeStore store, ObjectWriter writer)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public KubeResponse Handle(KubeRequest request)
    {
        if (request.Name is not null)
        {
            throw KubeError.MethodNotAllowed("POST");
        }
        var dryRun = request.DryRun();
        var obj = request.ParseBody();
        request.BindNamespace(obj);
        var meta = KubeJson.Metadata(obj);
        if (!string.IsNullOrEmpty(KubeJson.String(meta, "resourceVersion")))
        {
            throw new KubeError(500, "", "resourceVersion should not be set on objects to be created");
        }
        meta.Remove("managedFields");
        lock (store.Gate)
        {
            if (request.Type.Namespaced && !store.Exists(ResourceType.Namespaces, null, request.Namespace!))
            {
                throw KubeError.NotFound(ResourceType.Namespaces, request.Namespace!);
            }
            var generateName = KubeJson.String(meta, "generateName");
            if (string.IsNullOrEmpty(KubeJson.Name(obj)) && !string.IsNullOrEmpty(generateName))
            {
                meta["name"] = GenerateName(generateName);
            }
            var name = KubeJson.Name(obj);
            if (name.Length > 0 && store.Exists(request.Type, request.Namespace, name))
            {
                throw KubeError.AlreadyExists(request.Type, name);
            }
            var created = writer.Write(request.Type, null, obj, request.Manager, dryRun);
            return new KubeResponse(201, created);
        }
    }

    public static JsonObject Seed(ObjectWriter writer, ResourceType type, string? ns, string name)
    {
        var obj = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } };
        if (ns is not null)
        {
            obj["metadata"]!["namespace"] = ns;
        }
        return writer.Write(type, null, obj, "kfp-emulator", dryRun: false);
    }

    private static string GenerateName(string prefix)
    {
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = NameAlphabet[Random.Shared.Next(NameAlphabet.Length)];
        }
        return (prefix.Length > 58 ? prefix[..58] : prefix) + new string(suffix);
    }
}
