using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>One task being checked, with its DAG, its enclosing component and its siblings.</summary>
internal sealed record TaskContext(
    SpecIndex Index,
    JsonObject Owner,
    IReadOnlyDictionary<string, JsonObject> Siblings,
    string Name,
    JsonObject Task,
    string Path,
    IReadOnlyList<string> DependentTasks)
{
    public JsonObject? Component => Index.ComponentOf(Task);

    public string? ComponentName => Json.Str(Json.Obj(Task, "componentRef"), "name");
}
