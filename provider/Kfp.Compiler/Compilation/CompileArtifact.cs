using System.Text.Json.Nodes;
using Kfp.Compiler.Hashing;

namespace Kfp.Compiler.Compilation;

/// <summary>
/// One compile's result as the caches keep it: the metadata every Check needs (hash, name) and the normalised document
/// as its hashed canonical JSON bytes, never as JSON nodes. The bytes are about as long as the spec's source; its nodes
/// take several times as much and stayed alive in the in-memory cache for the life of the process. Callers that ask for the spec get their own document parsed from the bytes (<see cref="Copy"/>); the upload
/// YAML is written from such a copy when asked (only Create and Update ask). Thread-safe: the bytes never change, and
/// the volatile keys (nodes that may materialise on first read) are read under a lock.
/// </summary>
internal sealed class CompileArtifact
{
    private readonly Lock _gate = new();
    private readonly ReadOnlyMemory<byte> _canonical;

    private CompileArtifact(string sourceFile, string framework, string pipelineName, string specHash, bool hasPlatform, JsonObject volatileKeys, ReadOnlyMemory<byte> canonical)
    {
        SourceFile = sourceFile;
        Framework = framework;
        PipelineName = pipelineName;
        SpecHash = specHash;
        HasPlatform = hasPlatform;
        VolatileKeys = volatileKeys;
        _canonical = canonical;
    }

    public string SourceFile { get; }

    public string Framework { get; }

    public string PipelineName { get; }

    public string SpecHash { get; }

    public bool HasPlatform { get; }

    /// <summary>Top-level keys removed by normalisation (e.g. <c>sdkVersion</c>), put back in the upload YAML.</summary>
    public JsonObject VolatileKeys { get; }

    /// <summary>The upload YAML (PipelineSpec with its volatile keys back, then the PlatformSpec), written on each call.</summary>
    public string Yaml => WriteYaml();

    /// <summary>
    /// From a fresh compile: writes <paramref name="normal"/> (normalised) once as canonical JSON, hashing it on the way,
    /// and keeps the bytes; the nodes are not kept, so the caller's document can be collected as soon as it is dropped.
    /// <paramref name="expectedBytes"/> (the source's size, about the canonical form's) sizes the buffer once instead of
    /// doubling it from 256 bytes; the bytes are kept in that buffer when at most an eighth of it is unused, and copied
    /// to one of their size otherwise.
    /// </summary>
    public static CompileArtifact FromDocument(string sourceFile, string framework, IrDocument normal, JsonObject volatileKeys, int expectedBytes = 0)
    {
        using var canonical = new MemoryStream(expectedBytes);
        string specHash;
        using (var hash = new HashingStream(canonical))
        {
            SpecNormalizer.WriteHashed(normal, hash);
            specHash = "sha256:" + hash.HexDigest();
        }

        var written = canonical.GetBuffer().AsMemory(0, (int)canonical.Length);
        var kept = canonical.Capacity - written.Length <= canonical.Capacity / 8 ? written : written.ToArray();
        return new(sourceFile, framework, normal.PipelineName!, specHash, normal.PlatformSpec is not null, volatileKeys, kept);
    }

    /// <summary>From the disk cache: <paramref name="canonical"/> are the hashed bytes (<see cref="SpecNormalizer.WriteHashed"/>).</summary>
    public static CompileArtifact FromCanonical(string sourceFile, string framework, string pipelineName, string specHash, bool hasPlatform, JsonObject volatileKeys, byte[] canonical) =>
        new(sourceFile, framework, pipelineName, specHash, hasPlatform, volatileKeys, canonical);

    /// <summary>A document of the caller's own, parsed from the canonical bytes.</summary>
    public IrDocument Copy()
    {
        var root = (JsonObject)JsonTreeReader.Parse(_canonical.Span)!;
        if (!HasPlatform)
        {
            return new IrDocument(root, null);
        }

        var spec = (JsonObject)root["pipeline_spec"]!;
        var platform = (JsonObject)root["platform_spec"]!;
        root.Clear();
        return new IrDocument(spec, platform);
    }

    /// <summary>Writes the hashed canonical bytes (for the disk cache).</summary>
    public void WriteCanonical(Stream target) => target.Write(_canonical.Span);

    private string WriteYaml()
    {
        var document = Copy();
        var spec = document.PipelineSpec;
        lock (_gate)
        {
            foreach (var (key, value) in VolatileKeys.Where(p => !spec.ContainsKey(p.Key)))
            {
                spec[key] = value?.DeepClone();
            }
        }

        return IrYamlWriter.Write(document);
    }
}
