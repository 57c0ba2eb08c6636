using System.Text.Json;
using Kfp.Api.Models;

namespace Kfp.Provider.Resources;

/// <summary>
/// What a run is doing, in one line for the resource's row: <c>run 3f2a9c1e…: 3/7 tasks succeeded; train running</c>.
/// Tasks are the container tasks KFP has created so far (the leaves of <c>run_details.task_details</c>; DAG,
/// loop and driver nodes are left out), or the container tasks of the pipeline's spec when there are more
/// (KFP creates a node only when it becomes ready; a loop's body counts once in the spec).
/// </summary>
internal static class RunProgress
{
    private const int NamesShown = 3;

    /// <summary>The status line for a run as last read.</summary>
    public static string Describe(Run run, int plannedTasks = 0)
    {
        var tasks = Tasks(run);
        var head = $"run {Short(run.RunId)}: ";
        if (tasks.Count == 0)
        {
            return head + (run.State == RuntimeState.Running ? "running, no task started yet" : StateText(run.State));
        }
        var parts = new List<string> { $"{tasks.Count(t => t.State is RuntimeState.Succeeded or RuntimeState.Skipped)}/{Math.Max(tasks.Count, plannedTasks)} tasks succeeded" };
        AddNames(parts, tasks, RuntimeState.Failed, "failed");
        AddNames(parts, tasks, RuntimeState.Running, "running");
        AddNames(parts, tasks, RuntimeState.Pending, "pending");
        if (run.IsTerminal)
        {
            parts.Add($"run {StateText(run.State)}");
        }
        return head + string.Join("; ", parts);
    }

    /// <summary>
    /// The container tasks of a pipeline spec (the PipelineSpec, or KFP's <c>{pipeline_spec, platform_spec}</c>
    /// wrapper): the root DAG's tasks, sub-DAGs counted by their own tasks; 0 when the spec cannot be read.
    /// </summary>
    public static int PlannedTasks(JsonElement? spec)
    {
        if (spec is not { ValueKind: JsonValueKind.Object } document)
        {
            return 0;
        }
        if (document.TryGetProperty("pipeline_spec", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            document = inner;
        }
        if (!document.TryGetProperty("root", out var root))
        {
            return 0;
        }
        var components = document.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return CountTasks(root, components, depth: 0);
    }

    private static int CountTasks(JsonElement component, JsonElement components, int depth)
    {
        if (depth > 32 || !component.TryGetProperty("dag", out var dag) || !dag.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }
        var count = 0;
        foreach (var task in tasks.EnumerateObject())
        {
            var name = task.Value.TryGetProperty("componentRef", out var reference) && reference.TryGetProperty("name", out var n) ? n.GetString() : null;
            count += name is not null && components.ValueKind == JsonValueKind.Object && components.TryGetProperty(name, out var child) && child.TryGetProperty("dag", out _)
                ? CountTasks(child, components, depth + 1)
                : 1;
        }
        return count;
    }

    /// <summary>The display names of the tasks that failed, in the order KFP lists them.</summary>
    public static IReadOnlyList<string> FailedTasks(Run run) =>
        [.. Tasks(run).Where(t => t.State == RuntimeState.Failed).Select(t => t.DisplayName).Distinct(StringComparer.Ordinal)];

    /// <summary>The container tasks: nodes without children, unless no node has any (only the root DAG exists yet).</summary>
    private static List<PipelineTaskDetail> Tasks(Run run)
    {
        var nodes = run.RunDetails?.TaskDetails ?? [];
        if (!nodes.Any(n => n.ChildTasks is { Count: > 0 }))
        {
            return [];
        }
        return [.. nodes.Where(n => n.ChildTasks is not { Count: > 0 } && !n.DisplayName.EndsWith("-driver", StringComparison.Ordinal))];
    }

    private static void AddNames(List<string> parts, List<PipelineTaskDetail> tasks, RuntimeState state, string verb)
    {
        var names = tasks.Where(t => t.State == state).Select(t => t.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return;
        }
        var shown = string.Join(", ", names.Take(NamesShown));
        parts.Add(names.Count > NamesShown ? $"{shown} and {names.Count - NamesShown} more {verb}" : $"{shown} {verb}");
    }

    /// <summary>The first 8 characters of a run ID and an ellipsis: enough to find it in the KFP UI.</summary>
    public static string Short(string runId) => runId.Length > 8 ? runId[..8] + "…" : runId;

    public static string StateText(RuntimeState state) =>
        state == RuntimeState.Unspecified ? "RUNTIME_STATE_UNSPECIFIED" : state.ToString().ToUpperInvariant();
}
