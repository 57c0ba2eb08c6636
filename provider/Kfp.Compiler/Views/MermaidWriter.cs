using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Views;

/// <summary>
/// A pipeline's DAG as a Mermaid flowchart (GitHub renders it in a pull-request comment): one node per task,
/// an edge per <c>after</c> dependency (dotted when the task runs whatever its upstream did, as an exit task
/// does), and loops, conditions, exit handlers and nested pipelines as subgraphs holding their tasks.
/// Deterministic for one spec: tasks are sorted by name and node ids numbered in that order.
/// </summary>
public static class MermaidWriter
{
    public static string Write(IrDocument document)
    {
        var state = new State(document);
        state.Lines.Add("flowchart TD");
        state.Scope(document.PipelineSpec["root"] as JsonObject, indent: 1, depth: 0);
        state.Lines.AddRange(state.Edges);
        return string.Join('\n', state.Lines) + "\n";
    }

    private sealed class State(IrDocument document)
    {
        private int _next;

        public List<string> Lines { get; } = [];

        public List<string> Edges { get; } = [];

        public void Scope(JsonObject? component, int indent, int depth)
        {
            var spec = document.PipelineSpec;
            var tasks = IrWalk.Tasks(component).ToList();
            var ids = tasks.ToDictionary(t => t.Key, _ => "t" + _next++, StringComparer.Ordinal);
            var pad = new string(' ', indent * 2);
            foreach (var (name, task) in tasks)
            {
                var inner = IrWalk.Component(spec, task);
                if (IrWalk.IsDag(inner) && depth < 32)
                {
                    Lines.Add($"{pad}subgraph {ids[name]}[\"{Escape(SubgraphLabel(name, task))}\"]");
                    Scope(inner, indent + 1, depth + 1);
                    Lines.Add($"{pad}end");
                }
                else
                {
                    Lines.Add($"{pad}{ids[name]}[\"{Escape(name)}{ImageLine(inner)}\"]");
                }
            }
            foreach (var (name, task) in tasks)
            {
                var always = IrWalk.Text(task["triggerPolicy"]?["strategy"]) == "ALL_UPSTREAM_TASKS_COMPLETED";
                foreach (var upstream in IrWalk.After(task).Where(ids.ContainsKey))
                {
                    Edges.Add(always ? $"  {ids[upstream]} -.->|always| {ids[name]}" : $"  {ids[upstream]} --> {ids[name]}");
                }
            }
        }

        private string ImageLine(JsonObject? component) =>
            IrWalk.Executor(document.PipelineSpec, IrWalk.ExecutorLabel(component)) is { } executor
                ? IrWalk.Text(executor["container"]?["image"]) is { } image ? "<br/>" + Escape(image)
                : executor["importer"] is not null ? "<br/>importer" : ""
                : "";
    }

    private static string SubgraphLabel(string name, JsonObject task)
    {
        if (IrWalk.Text(task["triggerPolicy"]?["condition"]) is { } condition)
        {
            return $"{name}: if {condition}";
        }
        var iterator = task["parameterIterator"] ?? task["artifactIterator"];
        if (iterator?["items"] is JsonObject items)
        {
            var over = IrWalk.Text(items["raw"]) ?? IrWalk.Text(items["inputParameter"] ?? items["inputArtifact"]) ?? "items";
            return $"{name}: for each in {over}";
        }
        return name.StartsWith("exit-handler", StringComparison.Ordinal) ? $"{name}: exit handler" : name;
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
