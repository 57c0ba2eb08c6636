using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>Structural edits used by apply: merging an applied configuration in, and removing one owned field.</summary>
internal static class FieldTree
{
    /// <summary>Merges <paramref name="applied"/> into <paramref name="live"/>: maps per key, keyed lists per item, sets by value.</summary>
    public static void Merge(JsonObject live, JsonObject applied, string prefix = "")
    {
        foreach (var (key, value) in applied)
        {
            var path = FieldPath.Join(prefix, "f:" + key);
            if (value is JsonObject obj && live[key] is JsonObject liveObj)
            {
                Merge(liveObj, obj, path);
            }
            else if (value is JsonArray list && live[key] is JsonArray liveList && FieldPath.ListKeys(path) is { } keys)
            {
                MergeList(liveList, list, keys, path);
            }
            else
            {
                live[key] = value?.DeepClone();
            }
        }
    }

    private static void MergeList(JsonArray live, JsonArray applied, string[] keys, string path)
    {
        foreach (var item in applied)
        {
            var match = live.FirstOrDefault(l => Matches(l, item, keys));
            if (match is null)
            {
                live.Add(item?.DeepClone());
            }
            else if (keys.Length > 0 && match is JsonObject m && item is JsonObject i)
            {
                Merge(m, i, path);
            }
        }
    }

    /// <summary>Removes the field at <paramref name="path"/> (a map key, struct field, list item or set value).</summary>
    public static void Remove(JsonObject root, string path)
    {
        var segments = FieldPath.Split(path);
        JsonNode? node = root;
        for (var i = 0; i < segments.Length - 1 && node is not null; i++)
        {
            if (segments[i + 1] == "." && node is JsonArray items)
            {
                // "k:{...}\n." : the keyed item itself.
                if (items.FirstOrDefault(x => Segment(x, segments[i])) is { } keyed)
                {
                    items.Remove(keyed);
                }
                return;
            }
            node = Step(node, segments[i]);
        }
        var last = segments[^1];
        if (node is JsonObject obj && last.StartsWith("f:", StringComparison.Ordinal))
        {
            obj.Remove(last[2..]);
        }
        else if (node is JsonArray list)
        {
            var item = list.FirstOrDefault(x => Segment(x, last));
            if (item is not null || list.Any(x => x is null))
            {
                list.Remove(item);
            }
        }
    }

    private static JsonNode? Step(JsonNode node, string segment) => node switch
    {
        JsonObject obj when segment.StartsWith("f:", StringComparison.Ordinal) => obj[segment[2..]],
        JsonArray list => list.FirstOrDefault(x => Segment(x, segment)),
        _ => null,
    };

    private static bool Segment(JsonNode? item, string segment)
    {
        if (segment.StartsWith("v:", StringComparison.Ordinal))
        {
            return JsonNode.DeepEquals(item, JsonNode.Parse(segment[2..]));
        }
        if (segment.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(segment[2..]) is JsonObject key && item is JsonObject obj)
        {
            return key.All(kv => JsonNode.DeepEquals(obj[kv.Key], kv.Value));
        }
        return false;
    }

    private static bool Matches(JsonNode? live, JsonNode? applied, string[] keys) =>
        keys.Length == 0 || live is not JsonObject l || applied is not JsonObject a
            ? JsonNode.DeepEquals(live, applied)
            : keys.All(k => JsonNode.DeepEquals(l[k], a[k]));
}
