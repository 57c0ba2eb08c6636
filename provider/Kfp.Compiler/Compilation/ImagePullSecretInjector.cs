using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Compilation;

/// <summary>
/// KFP v2 has no pipeline-level image pull secrets: this adds
/// <c>platforms.kubernetes.deploymentSpec.executors.&lt;label&gt;.imagePullSecret: [{secretName: …}]</c>
/// (kfp-kubernetes <c>ImagePullSecret</c>) for every container executor, after the entries already there,
/// skipping names already listed (by <c>secretName</c> or a constant <c>secretNameParameter</c>).
/// </summary>
internal static class ImagePullSecretInjector
{
    public static IrDocument Inject(IrDocument document, IReadOnlyCollection<string> secretNames)
    {
        var names = secretNames.Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return document;
        }

        var result = document.DeepClone();
        var platform = result.PlatformSpec ?? [];
        var executors = Child(Child(Child(Child(platform, "platforms"), "kubernetes"), "deploymentSpec"), "executors");
        var labels = (result.PipelineSpec["deploymentSpec"]?["executors"] as JsonObject ?? [])
            .Where(p => p.Value?["container"] is JsonObject)
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var config = Child(executors, label);
            if (config["imagePullSecret"] is not JsonArray list)
            {
                list = [];
                config["imagePullSecret"] = list;
            }

            var present = list.Select(SecretName).Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
            foreach (var name in names.Where(n => !present.Contains(n)))
            {
                // JsonNode, not JsonObject: the generic Add<T> would pick the reflection-based overload (not AOT-safe).
                list.Add((JsonNode)new JsonObject { ["secretName"] = name });
            }
        }

        return result with { PlatformSpec = platform };
    }

    private static string? SecretName(JsonNode? entry)
    {
        if (entry?["secretName"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
        {
            return name.GetValue<string>();
        }

        return entry?["secretNameParameter"]?["runtimeValue"]?["constant"] is JsonValue constant
               && constant.GetValueKind() == JsonValueKind.String ? constant.GetValue<string>() : null;
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
