using System.Text.Json.Nodes;
using Kfp.Compiler.Compilation;

namespace Kfp.Compiler;

/// <summary>
/// The result of a compile. <see cref="Spec"/> and <see cref="PlatformSpec"/> are this result's own copy of the JSON nodes
/// (callers may change them), made the first time either is read, so a cached Check that reads only
/// <see cref="SpecHash"/> copies nothing; <see cref="Yaml"/> is rendered the first time it is read (only uploads need it).
/// </summary>
public sealed record CompiledPipeline
{
    private readonly CompileArtifact? _artifact;
    private readonly Lock _gate = new();
    private IrDocument? _copy;
    private JsonObject? _spec;
    private JsonObject? _platformSpec;
    private bool _platformSpecSet;
    private string? _yaml;

    /// <summary>A result from explicit values.</summary>
    /// <param name="sourceFile">Absolute path of the compiled source (the entry file of a directory source).</param>
    /// <param name="framework">The framework used (built-in name or the external framework's name).</param>
    /// <param name="pipelineName">From <c>pipelineInfo.name</c>.</param>
    /// <param name="spec">The normalised PipelineSpec (volatile keys removed, keys sorted), pull secrets applied.</param>
    /// <param name="platformSpec">The normalised PlatformSpec, or null when the pipeline has none.</param>
    /// <param name="yaml">Deterministic YAML to upload (PipelineSpec, then the PlatformSpec after <c>---</c>).</param>
    /// <param name="specHash"><c>sha256:&lt;hex&gt;</c> of the canonical form; equal for equal pipelines.</param>
    public CompiledPipeline(string sourceFile, string framework, string pipelineName, JsonObject spec, JsonObject? platformSpec, string yaml, string specHash)
    {
        SourceFile = sourceFile;
        Framework = framework;
        PipelineName = pipelineName;
        SpecHash = specHash;
        _spec = spec;
        _platformSpec = platformSpec;
        _platformSpecSet = true;
        _yaml = yaml;
    }

    internal CompiledPipeline(CompileArtifact artifact)
    {
        _artifact = artifact;
        SourceFile = artifact.SourceFile;
        Framework = artifact.Framework;
        PipelineName = artifact.PipelineName;
        SpecHash = artifact.SpecHash;
    }

    /// <summary>Absolute path of the compiled source (the entry file of a directory source).</summary>
    public string SourceFile { get; init; }

    /// <summary>The framework used (built-in name or the external framework's name).</summary>
    public string Framework { get; init; }

    /// <summary>From <c>pipelineInfo.name</c>.</summary>
    public string PipelineName { get; init; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the canonical form; equal for equal pipelines.</summary>
    public string SpecHash { get; init; }

    /// <summary>The normalised PipelineSpec (volatile keys removed, keys sorted), pull secrets applied.</summary>
    public JsonObject Spec
    {
        get => _spec ?? Materialized().PipelineSpec;
        init => _spec = value;
    }

    /// <summary>The normalised PlatformSpec, or null when the pipeline has none.</summary>
    public JsonObject? PlatformSpec
    {
        get => _platformSpecSet ? _platformSpec : Materialized().PlatformSpec;
        init
        {
            _platformSpec = value;
            _platformSpecSet = true;
        }
    }

    /// <summary>Deterministic YAML to upload (PipelineSpec, then the PlatformSpec after <c>---</c>).</summary>
    public string Yaml
    {
        get
        {
            lock (_gate)
            {
                return _yaml ??= _artifact!.Yaml;
            }
        }

        init => _yaml = value;
    }

    /// <summary>The spec and platform spec as one document.</summary>
    public IrDocument Document => new(Spec, PlatformSpec);

    private IrDocument Materialized()
    {
        lock (_gate)
        {
            return _copy ??= _artifact!.Copy();
        }
    }
}
