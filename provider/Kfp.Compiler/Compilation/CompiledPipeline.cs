using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// The result of a compile. Each call returns its own copy of the JSON nodes, so callers may change them.
/// </summary>
/// <param name="SourceFile">Absolute path of the compiled source.</param>
/// <param name="Framework">The framework used (built-in name or the external framework's name).</param>
/// <param name="PipelineName">From <c>pipelineInfo.name</c>.</param>
/// <param name="Spec">The normalised PipelineSpec (volatile keys removed, keys sorted), pull secrets applied.</param>
/// <param name="PlatformSpec">The normalised PlatformSpec, or null when the pipeline has none.</param>
/// <param name="Yaml">Deterministic YAML to upload (PipelineSpec, then the PlatformSpec after <c>---</c>).</param>
/// <param name="SpecHash"><c>sha256:&lt;hex&gt;</c> of the canonical form; equal for equal pipelines.</param>
public sealed record CompiledPipeline(
    string SourceFile,
    string Framework,
    string PipelineName,
    JsonObject Spec,
    JsonObject? PlatformSpec,
    string Yaml,
    string SpecHash)
{
    /// <summary>The spec and platform spec as one document.</summary>
    public IrDocument Document => new(Spec, PlatformSpec);

    internal CompiledPipeline Copy() => this with
    {
        Spec = (JsonObject)Spec.DeepClone(),
        PlatformSpec = (JsonObject?)PlatformSpec?.DeepClone(),
    };
}
