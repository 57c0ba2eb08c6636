using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Apply;

namespace Kfp.Emulator.Kube.Patches;

/// <summary>
/// Strategic merge patch for our four kinds: a JSON merge patch, except that the lists with patch strategy
/// "merge" (ServiceAccount <c>secrets</c> by name, <c>ownerReferences</c> by uid, finalizers as a set) merge item
/// by item, and <c>$patch: replace|delete</c> directives on maps are honoured.
/// </summary>
internal static class StrategicMergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch) => (JsonObject)Merge(target, patch, "")!;

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string path)
    {
        if (patch is JsonArray list && target is JsonArray live && path.Length > 0 && FieldPath.ListKeys(path) is { } keys)
        {
            return MergeList(live, list, keys, path);
        }
        if (patch is not JsonObject patchObj)
        {
            return patch?.DeepClone();
        }
        switch (KubeJson.String(patchObj, "$patch"))
        {
            case "delete":
                return null;
            case "replace":
                var replacement = KubeJson.Clone(patchObj);
                replacement.Remove("$patch");
                return replacement;
        }
        var result = target is JsonObject t ? KubeJson.Clone(t) : new JsonObject();
        foreach (var (key, value) in patchObj)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }
            var merged = Merge(result[key], value, FieldPath.Join(path, "f:" + key));
            if (merged is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = merged;
            }
        }
        return result;
    }

    private static JsonArray MergeList(JsonArray live, JsonArray patch, string[] keys, string path)
    {
        var result = (JsonArray)live.DeepClone();
        foreach (var item in patch)
        {
            var index = IndexOf(result, item, keys);
            if (item is JsonObject obj && KubeJson.String(obj, "$patch") == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
            }
            else if (index < 0)
            {
                result.Add(item?.DeepClone());
            }
            else if (keys.Length > 0)
            {
                result[index] = Merge(result[index], item, path);
            }
        }
        return result;
    }

    private static int IndexOf(JsonArray list, JsonNode? item, string[] keys)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var match = keys.Length == 0 || list[i] is not JsonObject l || item is not JsonObject a
                ? JsonNode.DeepEquals(list[i], item)
                : keys.All(k => JsonNode.DeepEquals(l[k], a[k]));
            if (match)
            {
                return i;
            }
        }
        return -1;
    }
}
