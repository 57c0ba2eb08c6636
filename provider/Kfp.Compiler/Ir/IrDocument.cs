using System.Text.Json.Nodes;

namespace Kfp.Compiler;

/// <summary>
/// A KFP pipeline in IR form: the <c>PipelineSpec</c> (schemaVersion 2.1.0) and the optional
/// Kubernetes <c>PlatformSpec</c> (<c>{platforms: {kubernetes: ...}}</c>, the second YAML document).
/// The JSON nodes are owned by this document: callers that want to change them work on a
/// <see cref="DeepClone"/>; the library never mutates a document it was given.
/// </summary>
public sealed record IrDocument(JsonObject PipelineSpec, JsonObject? PlatformSpec)
{
    /// <summary>The pipeline name from <c>pipelineInfo.name</c>, or null when missing.</summary>
    public string? PipelineName =>
        PipelineSpec["pipelineInfo"] is JsonObject info && info["name"] is JsonValue name
        && name.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A copy whose nodes can be changed without touching this document.</summary>
    public IrDocument DeepClone() =>
        new((JsonObject)PipelineSpec.DeepClone(), (JsonObject?)PlatformSpec?.DeepClone());
}
