using System.Text.Json.Nodes;

namespace Kfp.Compiler.Compilation;

/// <summary>
/// One compile's result as the caches keep it: the metadata every Check needs (hash, name) and the normalised document,
/// which no caller ever gets: callers get copies (<see cref="Copy"/>), made only when they ask for the spec. The document
/// may come from the disk cache as canonical JSON bytes, parsed on first use. All access to the nodes holds a lock
/// (System.Text.Json nodes are not safe to read from two threads while they materialise).
/// </summary>
internal sealed class CompileArtifact
{
    private readonly Lock _gate = new();
    private readonly Lazy<string> _yaml;
    private IrDocument? _document;
    private byte[]? _canonical;

    private CompileArtifact(string sourceFile, string framework, string pipelineName, string specHash, bool hasPlatform, JsonObject volatileKeys)
    {
        SourceFile = sourceFile;
        Framework = framework;
        PipelineName = pipelineName;
        SpecHash = specHash;
        HasPlatform = hasPlatform;
        VolatileKeys = volatileKeys;
        _yaml = new Lazy<string>(WriteYaml);
    }

    public string SourceFile { get; }

    public string Framework { get; }

    public string PipelineName { get; }

    public string SpecHash { get; }

    public bool HasPlatform { get; }

    /// <summary>Top-level keys removed by normalisation (e.g. <c>sdkVersion</c>), put back in the upload YAML.</summary>
    public JsonObject VolatileKeys { get; }

    public string Yaml => _yaml.Value;

    /// <summary>From a fresh compile: <paramref name="normal"/> is normalised and owned by the artifact from now on.</summary>
    public static CompileArtifact FromDocument(string sourceFile, string framework, IrDocument normal, JsonObject volatileKeys, string specHash) =>
        new(sourceFile, framework, normal.PipelineName!, specHash, normal.PlatformSpec is not null, volatileKeys) { _document = normal };

    /// <summary>From the disk cache: <paramref name="canonical"/> are the hashed bytes (<see cref="Hashing.SpecNormalizer.WriteHashed"/>), parsed on first use.</summary>
    public static CompileArtifact FromCanonical(string sourceFile, string framework, string pipelineName, string specHash, bool hasPlatform, JsonObject volatileKeys, byte[] canonical) =>
        new(sourceFile, framework, pipelineName, specHash, hasPlatform, volatileKeys) { _canonical = canonical };

    /// <summary>A copy of the normalised document the caller may change.</summary>
    public IrDocument Copy()
    {
        lock (_gate)
        {
            return Document().DeepClone();
        }
    }

    /// <summary>Writes the hashed canonical bytes (for the disk cache).</summary>
    public void WriteCanonical(Stream target)
    {
        lock (_gate)
        {
            if (_canonical is not null)
            {
                target.Write(_canonical);
                return;
            }

            Hashing.SpecNormalizer.WriteHashed(Document(), target);
        }
    }

    private IrDocument Document()
    {
        if (_document is null)
        {
            var root = (JsonObject)JsonNode.Parse(_canonical)!;
            if (HasPlatform)
            {
                var spec = (JsonObject)root["pipeline_spec"]!;
                var platform = (JsonObject)root["platform_spec"]!;
                root.Clear();
                _document = new IrDocument(spec, platform);
            }
            else
            {
                _document = new IrDocument(root, null);
            }

            _canonical = null;
        }

        return _document;
    }

    private string WriteYaml()
    {
        lock (_gate)
        {
            var document = Document();
            var spec = document.PipelineSpec;
            var added = VolatileKeys.Select(p => p.Key).Where(k => !spec.ContainsKey(k)).ToList();
            foreach (var key in added)
            {
                spec[key] = VolatileKeys[key]?.DeepClone();
            }

            try
            {
                return IrYamlWriter.Write(document);
            }
            finally
            {
                foreach (var key in added)
                {
                    spec.Remove(key);
                }
            }
        }
    }
}
