using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>One <c>metadata.managedFields</c> entry: a manager, its operation and the field paths it owns.</summary>
internal sealed class ManagedFieldsEntry(string manager, string operation, string time, HashSet<string> paths)
{
    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string Time { get; set; } = time;

    public HashSet<string> Paths { get; } = paths;

    public static List<ManagedFieldsEntry> Read(JsonObject? obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj?["metadata"]?["managedFields"] is not JsonArray list)
        {
            return entries;
        }
        foreach (var node in list.OfType<JsonObject>())
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            Collect(node["fieldsV1"] as JsonObject, "", paths);
            entries.Add(new ManagedFieldsEntry(
                KubeJson.String(node, "manager") ?? "", KubeJson.String(node, "operation") ?? "Update", KubeJson.String(node, "time") ?? "", paths));
        }
        return entries;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var list = new JsonArray(entries.Where(e => e.Paths.Count > 0).Select(e => (JsonNode)e.ToJson()).ToArray());
        var meta = KubeJson.Metadata(obj);
        if (list.Count == 0)
        {
            meta.Remove("managedFields");
        }
        else
        {
            meta["managedFields"] = list;
        }
    }

    private JsonObject ToJson()
    {
        var tree = new JsonObject();
        foreach (var path in Paths.Order(StringComparer.Ordinal))
        {
            var node = tree;
            foreach (var segment in FieldPath.Split(path))
            {
                if (node[segment] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[segment] = child;
                }
                node = child;
            }
        }
        return new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = "v1",
            ["time"] = Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = tree,
        };
    }

    private static void Collect(JsonObject? tree, string prefix, HashSet<string> paths)
    {
        foreach (var (segment, child) in tree ?? [])
        {
            var path = FieldPath.Join(prefix, segment);
            if (child is JsonObject { Count: > 0 } obj)
            {
                Collect(obj, path, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }
}
