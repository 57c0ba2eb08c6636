using System.Text.Json.Nodes;

namespace Kfp.Compiler.Views;

/// <summary>Read-only helpers over a PipelineSpec's DAGs, shared by the views.</summary>
internal static class IrWalk
{
    /// <summary>The tasks of a DAG component (<c>root</c> or an entry of <c>components</c>), sorted by name.</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> Tasks(JsonObject? component) =>
        component?["dag"]?["tasks"] is JsonObject tasks
            ? tasks.Where(t => t.Value is JsonObject).Select(t => KeyValuePair.Create(t.Key, (JsonObject)t.Value!)).OrderBy(t => t.Key, StringComparer.Ordinal)
            : [];

    /// <summary>The component a task runs, or null when the reference is broken.</summary>
    public static JsonObject? Component(JsonObject spec, JsonObject task) =>
        task["componentRef"]?["name"] is JsonValue name && name.TryGetValue<string>(out var key)
            ? spec["components"]?[key] as JsonObject
            : null;

    /// <summary>A component whose body is a DAG (control flow or a nested pipeline).</summary>
    public static bool IsDag(JsonObject? component) => component?["dag"] is JsonObject;

    /// <summary>The executor label of a leaf component.</summary>
    public static string? ExecutorLabel(JsonObject? component) => Text(component?["executorLabel"]);

    public static JsonObject? Executor(JsonObject spec, string? label) =>
        label is null ? null : spec["deploymentSpec"]?["executors"]?[label] as JsonObject;

    public static JsonObject? KubernetesConfig(JsonObject? platform, string? label) =>
        label is null ? null : platform?["platforms"]?["kubernetes"]?["deploymentSpec"]?["executors"]?[label] as JsonObject;

    /// <summary>The sibling tasks that must finish first, sorted.</summary>
    public static IReadOnlyList<string> After(JsonObject task) =>
        task["dependentTasks"] is JsonArray deps
            ? [.. deps.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
