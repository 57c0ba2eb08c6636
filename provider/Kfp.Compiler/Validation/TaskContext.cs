using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>One task being checked, with its DAG, its enclosing component and its siblings.</summary>
internal sealed record TaskContext(
    SpecIndex Index,
    JsonObject Owner,
    IReadOnlyDictionary<string, JsonObject> Siblings,
    string Name,
    JsonObject Task,
    string DagPath,
    IReadOnlyList<string> DependentTasks)
{
    /// <summary>The task's path (<c>….dag.tasks.&lt;name&gt;</c>), made when a problem is reported.</summary>
    public string Path => Json.Path(DagPath, "tasks", Name);

    public JsonObject? Component => Index.ComponentOf(Task);

    public string? ComponentName => Json.Str(Json.Obj(Task, "componentRef"), "name");
}
