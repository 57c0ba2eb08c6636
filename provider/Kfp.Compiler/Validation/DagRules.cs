using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks one DAG: task references, dependencies, acyclicity and DAG outputs.</summary>
internal static class DagRules
{
    public static void Check(SpecIndex index, JsonObject owner, string ownerPath, ProblemSink problems)
    {
        var dag = Json.Obj(owner, "dag")!;
        var dagPath = Json.Path(ownerPath, "dag");
        var tasks = Json.Entries(dag, "tasks")
            .Where(p => p.Value is JsonObject)
            .ToDictionary(p => p.Key, p => (JsonObject)p.Value!, StringComparer.Ordinal);
        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, node) in Json.Entries(dag, "tasks"))
        {
            if (node is not JsonObject task)
            {
                problems.Add(Json.Path(dagPath, "tasks", name), "a task must be a mapping with componentRef and taskInfo.");
                continue;
            }

            var refName = Json.Str(Json.Obj(task, "componentRef"), "name");
            if (refName is null)
            {
                problems.Add(Json.Path(dagPath, "tasks", name, "componentRef.name"), "the task names no component; set componentRef.name to a key of 'components'.");
            }
            else if (!index.Components.ContainsKey(refName))
            {
                problems.Add(Json.Path(dagPath, "tasks", name, "componentRef.name"),
                    $"component '{refName}' is not defined in 'components'; add it or fix the reference.");
            }

            var dependentTasks = dependencies[name] = CheckDependentTasks(task, name, dagPath, tasks, problems);
            TaskInputRules.Check(new TaskContext(index, owner, tasks, name, task, dagPath, dependentTasks), problems);
        }

        CycleCheck.Check(dependencies, dagPath, problems);
        CheckOutputs(index, dag, dagPath, tasks, problems);
    }

    /// <summary>The task's sibling dependencies (none when it lists none, or they are not a list).</summary>
    private static IReadOnlyList<string> CheckDependentTasks(
        JsonObject task, string name, string dagPath, Dictionary<string, JsonObject> siblings, ProblemSink problems)
    {
        switch (task["dependentTasks"])
        {
            case null:
                return [];
            case not JsonArray:
                problems.Add(Json.Path(dagPath, "tasks", name, "dependentTasks"), "dependentTasks must be a list of task names.");
                return [];
        }

        var list = (JsonArray)task["dependentTasks"]!;
        var result = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var other = item?.GetValueKind() == System.Text.Json.JsonValueKind.String ? item.GetValue<string>() : null;
            if (other is null || !siblings.ContainsKey(other))
            {
                problems.Add(Json.Path(dagPath, "tasks", name, "dependentTasks"),
                    $"task {item?.ToJsonString() ?? "null"} is not a task of the same DAG; list only sibling task names.");
            }
            else if (other == name)
            {
                problems.Add(Json.Path(dagPath, "tasks", name, "dependentTasks"), "a task cannot depend on itself; remove it from dependentTasks.");
            }
            else
            {
                result.Add(other);
            }
        }

        return result;
    }

    private static void CheckOutputs(SpecIndex index, JsonObject dag, string dagPath, Dictionary<string, JsonObject> tasks, ProblemSink problems)
    {
        var outputsPath = Json.Path(dagPath, "outputs");
        foreach (var (name, spec) in Json.Entries(Json.Obj(dag, "outputs"), "parameters"))
        {
            var path = Json.Path(Json.Path(outputsPath, "parameters"), name);
            var selectors = Json.Obj(spec, "valueFromParameter") is { } single
                ? [single]
                : (Json.Obj(spec, "valueFromOneof")?["parameterSelectors"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            if (selectors.Count == 0)
            {
                problems.Add(path, "a DAG output parameter needs valueFromParameter {producerSubtask, outputParameterKey} or valueFromOneof.");
            }

            foreach (var selector in selectors)
            {
                CheckSelector(index, tasks, selector, "outputParameterKey", SpecIndex.OutputParameter, path, problems);
            }
        }

        foreach (var (name, spec) in Json.Entries(Json.Obj(dag, "outputs"), "artifacts"))
        {
            var path = Json.Path(Json.Path(outputsPath, "artifacts"), name);
            foreach (var selector in ((spec as JsonObject)?["artifactSelectors"] as JsonArray ?? []).OfType<JsonObject>())
            {
                CheckSelector(index, tasks, selector, "outputArtifactKey", SpecIndex.OutputArtifact, path, problems);
            }
        }
    }

    private static void CheckSelector(
        SpecIndex index, Dictionary<string, JsonObject> tasks, JsonObject selector, string keyField,
        Func<JsonObject?, string, JsonObject?> lookup, string path, ProblemSink problems)
    {
        var producer = Json.Str(selector, "producerSubtask");
        var key = Json.Str(selector, keyField);
        if (producer is null || !tasks.TryGetValue(producer, out var producerTask))
        {
            problems.Add(path, $"producerSubtask '{producer}' is not a task of this DAG; name a task in the same dag.");
            return;
        }

        var component = index.ComponentOf(producerTask);
        if (component is not null && (key is null || lookup(component, key) is null))
        {
            problems.Add(path, $"task '{producer}' has no output '{key}'; use one of its component's outputDefinitions.");
        }
    }
}
