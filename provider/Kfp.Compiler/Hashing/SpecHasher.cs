using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler;

/// <summary>
/// Normalises IR and computes its <c>specHash</c>: <c>sha256:&lt;hex&gt;</c> of the canonical JSON
/// (volatile keys such as <c>sdkVersion</c> removed, keys sorted, numbers in one form). The hashed
/// value is the PipelineSpec alone, or <c>{"pipeline_spec": ..., "platform_spec": ...}</c> when a
/// PlatformSpec is present. The same pipeline in YAML or JSON, reformatted or reordered, hashes the same.
/// </summary>
public static class SpecHasher
{
    /// <summary>Top-level PipelineSpec keys that change without the pipeline changing.</summary>
    public static readonly IReadOnlyList<string> VolatileKeys = ["sdkVersion"];

    /// <summary>
    /// A copy of <paramref name="document"/> as a KFP server stores it (<see cref="ProtoDefaults.Strip"/>), without
    /// volatile keys, with keys sorted.
    /// </summary>
    public static IrDocument Normalize(IrDocument document)
    {
        document = ProtoDefaults.Strip(document);
        var spec = (JsonObject)Sort(document.PipelineSpec)!;
        foreach (var key in VolatileKeys)
        {
            spec.Remove(key);
        }

        return new IrDocument(spec, (JsonObject?)Sort(document.PlatformSpec));
    }

    /// <summary>The canonical JSON text of the normalised document (the exact bytes hashed when not indented).</summary>
    public static string Canonicalize(IrDocument document, bool indented = false)
    {
        var normal = Normalize(document);
        JsonNode root = normal.PlatformSpec is null
            ? normal.PipelineSpec
            : new JsonObject { ["pipeline_spec"] = normal.PipelineSpec, ["platform_spec"] = normal.PlatformSpec };
        return CanonicalJson.Write(root, indented);
    }

    /// <summary>The spec hash, <c>sha256:</c> followed by 64 lowercase hex digits.</summary>
    public static string ComputeHash(IrDocument document) => SpecNormalizer.Hash(Normalize(document));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
