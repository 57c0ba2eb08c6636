using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>
/// The leaf fields of an object with their values: what a manager owns and what conflicts are checked on.
/// Maps and structs are granular per key; the lists named in <see cref="FieldPath.ListKeys"/> are granular per
/// item; every other list is atomic. Identity and server-owned fields are never recorded.
/// </summary>
internal static class FieldSet
{
    private static readonly HashSet<string> IgnoredRoot = ["apiVersion", "kind", "status"];
    private static readonly HashSet<string> IgnoredMeta =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    public static Dictionary<string, JsonNode?> Leaves(JsonObject obj)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (IgnoredRoot.Contains(key))
            {
                continue;
            }
            if (key == "metadata" && value is JsonObject meta)
            {
                foreach (var (mk, mv) in meta.Where(kv => !IgnoredMeta.Contains(kv.Key)))
                {
                    Walk(mv, "f:metadata\nf:" + mk, leaves);
                }
                continue;
            }
            Walk(value, "f:" + key, leaves);
        }
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, FieldPath.Join(path, "f:" + key), leaves);
                }
                break;
            case JsonArray list when FieldPath.ListKeys(path) is { } keys:
                foreach (var item in list)
                {
                    if (keys.Length == 0 || item is not JsonObject itemObj)
                    {
                        leaves[FieldPath.Join(path, FieldPath.ValueSegment(item))] = item?.DeepClone();
                        continue;
                    }
                    var itemPath = FieldPath.Join(path, FieldPath.KeySegment(itemObj, keys));
                    leaves[FieldPath.Join(itemPath, ".")] = JsonValue.Create(true);
                    foreach (var (key, value) in itemObj)
                    {
                        Walk(value, FieldPath.Join(itemPath, "f:" + key), leaves);
                    }
                }
                break;
            default:
                leaves[path] = node?.DeepClone();
                break;
        }
    }
}
