using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks a task's input artifacts and its loop iterators.</summary>
internal static class TaskArtifactRules
{
    public static void Check(TaskContext task, ProblemSink problems)
    {
        var component = task.Component;
        foreach (var (name, node) in Json.Entries(Json.Obj(task.Task, "inputs"), "artifacts"))
        {
            string Path() => Json.Path(task.Path, "inputs", "artifacts", name);
            if (component is not null && SpecIndex.InputArtifact(component, name) is null)
            {
                problems.Add(Path(), $"component '{task.ComponentName}' declares no input artifact '{name}'; remove the argument or declare the input.");
            }

            if (Json.Obj(node, "taskOutputArtifact") is { } output)
            {
                var producer = Json.Str(output, "producerTask");
                var key = Json.Str(output, "outputArtifactKey");
                var producerComponent = TaskInputRules.ProducerComponent(task, producer, "artifacts", name, "taskOutputArtifact", problems);
                if (producerComponent is not null && (key is null || SpecIndex.OutputArtifact(producerComponent, key) is null))
                {
                    problems.Add(Json.Path(Path(), "taskOutputArtifact"), $"task '{producer}' has no output artifact '{key}'; use one of its component's outputDefinitions.artifacts.");
                }
            }
            else if (Json.Str(node, "componentInputArtifact") is { } input)
            {
                if (SpecIndex.InputArtifact(task.Owner, input) is null)
                {
                    problems.Add(Json.Path(Path(), "componentInputArtifact"), $"the enclosing component declares no input artifact '{input}'; declare it or fix the name.");
                }
            }
            else if ((node as JsonObject)?.ContainsKey("runtimeValue") != true)
            {
                problems.Add(Path(), "an input artifact needs taskOutputArtifact {producerTask, outputArtifactKey} or componentInputArtifact.");
            }
        }

        CheckIterator(task, "parameterIterator", "inputParameter", "parameters", problems);
        CheckIterator(task, "artifactIterator", "inputArtifact", "artifacts", problems);
    }

    private static void CheckIterator(TaskContext task, string iteratorKey, string sourceKey, string kind, ProblemSink problems)
    {
        if (Json.Obj(task.Task, iteratorKey) is not { } iterator)
        {
            return;
        }

        var path = Json.Path(task.Path, iteratorKey);
        var items = Json.Obj(iterator, "items");
        if (Json.Str(items, sourceKey) is { } source
            && !Json.Has(Json.Obj(task.Task, "inputs"), kind, source))
        {
            problems.Add(Json.Path(path, $"items.{sourceKey}"), $"'{source}' is not one of the task's inputs.{kind}; pass the list as a task input of that name.");
        }
        else if (items is null || (Json.Str(items, sourceKey) is null && Json.Str(items, "raw") is null))
        {
            problems.Add(Json.Path(path, "items"), $"the loop needs items.raw (a JSON list) or items.{sourceKey}.");
        }

        var item = Json.Str(iterator, "itemInput");
        var component = task.Component;
        var declared = kind == "parameters" ? SpecIndex.InputParameter(component, item ?? string.Empty) : SpecIndex.InputArtifact(component, item ?? string.Empty);
        if (component is not null && declared is null)
        {
            problems.Add(Json.Path(path, "itemInput"), $"the loop component declares no input '{item}' for the loop item; declare it in its inputDefinitions.");
        }
    }
}
