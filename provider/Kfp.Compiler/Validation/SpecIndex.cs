using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Lookup tables over one PipelineSpec, built once per validation.</summary>
internal sealed class SpecIndex
{
    public SpecIndex(JsonObject spec)
    {
        Spec = spec;
        Components = Json.Entries(spec, "components")
            .Where(p => p.Value is JsonObject)
            .ToDictionary(p => p.Key, p => (JsonObject)p.Value!, StringComparer.Ordinal);
        Executors = Json.Entries(Json.Obj(spec, "deploymentSpec"), "executors")
            .Where(p => p.Value is JsonObject)
            .ToDictionary(p => p.Key, p => (JsonObject)p.Value!, StringComparer.Ordinal);
        // One pass, so finding an executor's components is a lookup, not a scan of every component per executor.
        ComponentsByExecutor = Components.Values
            .Where(c => Json.Str(c, "executorLabel") is not null)
            .ToLookup(c => Json.Str(c, "executorLabel")!, StringComparer.Ordinal);
    }

    public JsonObject Spec { get; }

    public IReadOnlyDictionary<string, JsonObject> Components { get; }

    public IReadOnlyDictionary<string, JsonObject> Executors { get; }

    /// <summary>The components using each executor label.</summary>
    public ILookup<string, JsonObject> ComponentsByExecutor { get; }

    public static JsonObject? InputParameter(JsonObject? component, string name) =>
        Json.Obj(Json.Obj(component, "inputDefinitions"), "parameters")?[name] as JsonObject;

    public static JsonObject? InputArtifact(JsonObject? component, string name) =>
        Json.Obj(Json.Obj(component, "inputDefinitions"), "artifacts")?[name] as JsonObject;

    public static JsonObject? OutputParameter(JsonObject? component, string name) =>
        Json.Obj(Json.Obj(component, "outputDefinitions"), "parameters")?[name] as JsonObject;

    public static JsonObject? OutputArtifact(JsonObject? component, string name) =>
        Json.Obj(Json.Obj(component, "outputDefinitions"), "artifacts")?[name] as JsonObject;

    public JsonObject? ComponentOf(JsonObject? task) =>
        Json.Str(Json.Obj(task, "componentRef"), "name") is { } name && Components.TryGetValue(name, out var c) ? c : null;
}
