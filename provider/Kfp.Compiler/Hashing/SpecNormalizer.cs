using System.Text.Json.Nodes;

namespace Kfp.Compiler.Hashing;

/// <summary>
/// Normalises a document the compiler owns, in place and once: removes the volatile top-level keys (returning them, for
/// the upload YAML) and sorts object keys where they are not sorted already, reusing every node instead of copying it.
/// </summary>
internal static class SpecNormalizer
{
    public static JsonObject NormalizeInPlace(IrDocument document)
    {
        var removed = new JsonObject();
        foreach (var key in SpecHasher.VolatileKeys)
        {
            if (document.PipelineSpec.TryGetPropertyValue(key, out var value))
            {
                document.PipelineSpec.Remove(key);
                removed[key] = value;
            }
        }

        Sort(document.PipelineSpec);
        Sort(document.PlatformSpec);
        return removed;
    }

    /// <summary>The JSON root that is hashed: the PipelineSpec, or both specs under <c>pipeline_spec</c>/<c>platform_spec</c>.</summary>
    public static void WriteHashed(IrDocument normal, Stream target)
    {
        if (normal.PlatformSpec is null)
        {
            CanonicalJsonStream.Write(normal.PipelineSpec, target, sorted: true);
            return;
        }

        // Same bytes as {"pipeline_spec":…,"platform_spec":…} without re-parenting the nodes.
        target.Write("{\"pipeline_spec\":"u8);
        CanonicalJsonStream.Write(normal.PipelineSpec, target, sorted: true);
        target.Write(",\"platform_spec\":"u8);
        CanonicalJsonStream.Write(normal.PlatformSpec, target, sorted: true);
        target.Write("}"u8);
    }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the canonical form of an already normalised document.</summary>
    public static string Hash(IrDocument normal)
    {
        using var hash = new HashingStream();
        WriteHashed(normal, hash);
        return "sha256:" + hash.HexDigest();
    }

    private static void Sort(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (!CanonicalJsonStream.IsSorted(obj))
                {
                    var pairs = new KeyValuePair<string, JsonNode?>[obj.Count];
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        pairs[i] = obj.GetAt(i);
                    }

                    // Keys are unique, so an unstable sort gives the one order.
                    Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                    obj.Clear();
                    foreach (var (key, value) in pairs)
                    {
                        obj.Add(key, value);
                    }
                }

                // By index: a JsonObject's or JsonArray's enumerator is an interface, one allocation per walk.
                for (var i = 0; i < obj.Count; i++)
                {
                    Sort(obj.GetAt(i).Value);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Sort(array[i]);
                }

                break;
        }
    }
}
