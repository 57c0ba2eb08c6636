using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Apply;

/// <summary>
/// Field paths in the FieldsV1 vocabulary (<c>f:name</c>, <c>k:{"name":"x"}</c>, <c>v:"x"</c>, <c>.</c>), joined by
/// newlines into one string so sets of paths are plain string sets. Also knows the list topologies of our kinds.
/// </summary>
internal static class FieldPath
{
    public const char Separator = '\n';

    public static string Join(string prefix, string segment) => prefix.Length == 0 ? segment : prefix + Separator + segment;

    public static string[] Split(string path) => path.Split(Separator);

    /// <summary>The key fields of a map-list (merged by key), or null for atomic lists; empty for sets.</summary>
    public static string[]? ListKeys(string listPath) => listPath switch
    {
        "f:secrets" => ["name"],
        "f:metadata\nf:ownerReferences" => ["uid"],
        "f:metadata\nf:finalizers" or "f:spec\nf:finalizers" => [],
        _ => null,
    };

    public static string KeySegment(JsonObject item, string[] keys)
    {
        var key = new JsonObject();
        foreach (var k in keys)
        {
            key[k] = item[k]?.DeepClone();
        }
        return "k:" + KubeJson.Write(key);
    }

    public static string ValueSegment(JsonNode? item) => "v:" + (item is null ? "null" : KubeJson.Write(item));

    /// <summary>The path as users see it in conflict messages, e.g. <c>.data.key</c> or <c>.secrets[name="x"]</c>.</summary>
    public static string Display(string path)
    {
        var text = new StringBuilder();
        foreach (var segment in Split(path))
        {
            if (segment.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(segment.AsSpan(2));
            }
            else if (segment.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(segment[2..]) is JsonObject key)
            {
                text.Append('[').Append(string.Join(",", key.Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}"))).Append(']');
            }
            else if (segment.StartsWith("v:", StringComparison.Ordinal))
            {
                text.Append('[').Append(segment.AsSpan(2)).Append(']');
            }
        }
        return text.ToString();
    }
}
