using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>A compiled pipeline before it becomes a PipelineSpec: its root component, components and executors.</summary>
internal sealed record CompiledGraph(JsonObject Root, JsonObject Components, JsonObject Executors)
{
    public JsonObject? OutputSpec(string key) =>
        (Root["outputDefinitions"]?["parameters"]?[key] ?? Root["outputDefinitions"]?["artifacts"]?[key]) as JsonObject;
}
