using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks a task's input parameters: each declared, fed from exactly one existing source, of a fitting type.</summary>
internal static class TaskInputRules
{
    private static readonly string[] Sources = ["componentInputParameter", "taskOutputParameter", "runtimeValue", "taskFinalStatus"];

    /// <summary>Inputs the SDK adds for resources and an image read from a channel (<c>set_cpu_limit(param)</c>), undeclared.</summary>
    private static readonly string[] InjectedInputs =
        ["cpu_request", "cpu_limit", "memory_request", "memory_limit", "accelerator_type", "accelerator_count", "base_image"];

    public static void Check(TaskContext task, ProblemSink problems)
    {
        var inputsPath = Json.Path(task.Path, "inputs");
        var component = task.Component;
        foreach (var (name, node) in Json.Entries(Json.Obj(task.Task, "inputs"), "parameters"))
        {
            var path = Json.Path(Json.Path(inputsPath, "parameters"), name);
            var declared = SpecIndex.InputParameter(component, name);
            // The SDK passes values used in f-string constants as extra, undeclared pipelinechannel-- inputs,
            // and resources read from channels as undeclared inputs named after the resource field.
            if (component is not null && declared is null && !name.StartsWith("pipelinechannel--", StringComparison.Ordinal)
                && !InjectedInputs.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(path, $"component '{task.ComponentName}' declares no input parameter '{name}'; remove the argument or declare the input.");
            }

            var present = Sources.Where(s => (node as JsonObject)?.ContainsKey(s) == true).ToList();
            if (present.Count != 1)
            {
                problems.Add(path, $"an input parameter needs exactly one of {string.Join(", ", Sources)}.");
                continue;
            }

            var target = Json.Str(declared, "parameterType");
            var selector = (node as JsonObject)?.ContainsKey("parameterExpressionSelector") == true;
            CheckSource(task, present[0], (JsonObject)node!, target, selector, !ReadOnlyByResource(task, name), Json.Path(path, present[0]), problems);
        }

        TaskArtifactRules.Check(task, problems);
        CheckRequired(task, component, problems);
    }

    /// <summary>
    /// True for an extra input read only by a resource field: the SDK does not order the task after its
    /// producer (it registers no dependency for <c>set_cpu_limit(task.output)</c>), so none is required.
    /// </summary>
    private static bool ReadOnlyByResource(TaskContext task, string name)
    {
        if (!name.StartsWith("pipelinechannel--", StringComparison.Ordinal))
        {
            return false;
        }

        var placeholder = $"{{{{$.inputs.parameters['{name}']}}}}";
        var readers = Json.Entries(Json.Obj(task.Task, "inputs"), "parameters")
            .Where(e => Json.Str(Json.Obj(e.Value as JsonObject, "runtimeValue"), "constant")?.Contains(placeholder, StringComparison.Ordinal) == true)
            .Select(e => e.Key)
            .ToList();
        return readers.Count > 0 && readers.All(r => InjectedInputs.Contains(r, StringComparer.Ordinal));
    }

    private static void CheckSource(TaskContext task, string kind, JsonObject input, string? target, bool selector, bool ordered, string path, ProblemSink problems)
    {
        switch (kind)
        {
            case "componentInputParameter":
                var name = Json.Str(input, kind);
                var source = name is null ? null : SpecIndex.InputParameter(task.Owner, name);
                if (source is null)
                {
                    problems.Add(path, $"the enclosing component declares no input parameter {input[kind]?.ToJsonString()}; declare it in its inputDefinitions or fix the name.");
                }
                else if (!selector)
                {
                    CheckCompatible(Json.Str(source, "parameterType"), target, path, problems);
                }

                break;
            case "taskOutputParameter":
                var producer = Json.Str(input[kind], "producerTask");
                var key = Json.Str(input[kind], "outputParameterKey");
                if (ProducerComponent(task, producer, path, problems, ordered) is { } component)
                {
                    var output = key is null ? null : SpecIndex.OutputParameter(component, key);
                    if (output is null)
                    {
                        problems.Add(path, $"task '{producer}' has no output parameter '{key}'; use one of its component's outputDefinitions.parameters.");
                    }
                    else if (!selector)
                    {
                        CheckCompatible(Json.Str(output, "parameterType"), target, path, problems);
                    }
                }

                break;
            case "runtimeValue":
                if (target is not null && Json.Obj(input, kind)?.TryGetPropertyValue("constant", out var constant) == true
                    && ParameterTypes.Mismatch(target, constant) is { } found)
                {
                    problems.Add(Json.Path(path, "constant"), $"the constant is {found} but the input is {target}; pass a value of type {target}.");
                }

                break;
            default:
                ProducerComponent(task, Json.Str(input[kind], "producerTask"), path, problems);
                break;
        }
    }

    internal static JsonObject? ProducerComponent(TaskContext task, string? producer, string path, ProblemSink problems, bool ordered = true)
    {
        if (producer is null || !task.Siblings.TryGetValue(producer, out var producerTask))
        {
            problems.Add(path, $"producer task '{producer}' is not a task of the same DAG; name a sibling task.");
            return null;
        }

        if (ordered && !task.DependentTasks.Contains(producer, StringComparer.Ordinal))
        {
            problems.Add(path, $"task '{task.Name}' reads an output of '{producer}' but does not list it in dependentTasks; add '{producer}' to dependentTasks.");
        }

        return task.Index.ComponentOf(producerTask);
    }

    private static void CheckCompatible(string? source, string? target, string path, ProblemSink problems)
    {
        if (!ParameterTypes.Compatible(source, target))
        {
            problems.Add(path, $"a {source} value cannot feed a {target} input; change one of the types or convert the value.");
        }
    }

    private static void CheckRequired(TaskContext task, JsonObject? component, ProblemSink problems)
    {
        var fed = new HashSet<string>(Json.Keys(Json.Obj(task.Task, "inputs"), "parameters"), StringComparer.Ordinal);
        fed.UnionWith(Json.Keys(Json.Obj(task.Task, "inputs"), "artifacts"));
        foreach (var iterator in new[] { "parameterIterator", "artifactIterator" })
        {
            if (Json.Str(Json.Obj(task.Task, iterator), "itemInput") is { } item)
            {
                fed.Add(item);
            }
        }

        foreach (var kind in new[] { "parameters", "artifacts" })
        {
            foreach (var (name, spec) in Json.Entries(Json.Obj(component, "inputDefinitions"), kind))
            {
                var optional = (spec as JsonObject)?["isOptional"]?.GetValueKind() == System.Text.Json.JsonValueKind.True
                               || (spec as JsonObject)?.ContainsKey("defaultValue") == true;
                if (!optional && !fed.Contains(name))
                {
                    problems.Add(Json.Path(task.Path, "inputs"),
                        $"required input {kind[..^1]} '{name}' of component '{task.ComponentName}' is not given; pass a value or give the input a default.");
                }
            }
        }
    }
}
