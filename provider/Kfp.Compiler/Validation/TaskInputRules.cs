using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>Checks a task's input parameters: each declared, fed from exactly one existing source, of a fitting type.</summary>
internal static class TaskInputRules
{
    private static readonly string[] Sources = ["componentInputParameter", "taskOutputParameter", "runtimeValue", "taskFinalStatus"];

    private static readonly string[] Kinds = ["parameters", "artifacts"];

    /// <summary>Inputs the SDK adds for resources and an image read from a channel (<c>set_cpu_limit(param)</c>), undeclared.</summary>
    private static readonly string[] InjectedInputs =
        ["cpu_request", "cpu_limit", "memory_request", "memory_limit", "accelerator_type", "accelerator_count", "base_image"];

    public static void Check(TaskContext task, ProblemSink problems)
    {
        var component = task.Component;
        foreach (var (name, node) in Json.Entries(Json.Obj(task.Task, "inputs"), "parameters"))
        {
            var declared = SpecIndex.InputParameter(component, name);
            // The SDK passes values used in f-string constants as extra, undeclared pipelinechannel-- inputs,
            // and resources read from channels as undeclared inputs named after the resource field.
            if (component is not null && declared is null && !name.StartsWith("pipelinechannel--", StringComparison.Ordinal)
                && Array.IndexOf(InjectedInputs, name) < 0)
            {
                problems.Add(Json.Path(task.Path, "inputs", "parameters", name),
                    $"component '{task.ComponentName}' declares no input parameter '{name}'; remove the argument or declare the input.");
            }

            if (OnlySource(node as JsonObject) is not { } kind)
            {
                problems.Add(Json.Path(task.Path, "inputs", "parameters", name), $"an input parameter needs exactly one of {string.Join(", ", Sources)}.");
                continue;
            }

            var target = Json.Str(declared, "parameterType");
            var selector = ((JsonObject)node!).ContainsKey("parameterExpressionSelector");
            CheckSource(task, kind, (JsonObject)node!, target, selector, !ReadOnlyByResource(task, name), name, problems);
        }

        TaskArtifactRules.Check(task, problems);
        CheckRequired(task, component, problems);
    }

    /// <summary>The one source an input names, or null when it names none or several.</summary>
    private static string? OnlySource(JsonObject? input)
    {
        string? found = null;
        foreach (var source in Sources)
        {
            if (input?.ContainsKey(source) == true)
            {
                if (found is not null)
                {
                    return null;
                }

                found = source;
            }
        }

        return found;
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

    /// <summary>Checks input <paramref name="name"/>'s source; its path is made only for a problem.</summary>
    private static void CheckSource(TaskContext task, string kind, JsonObject input, string? target, bool selector, bool ordered, string name, ProblemSink problems)
    {
        string Path() => Json.Path(task.Path, "inputs", "parameters", name, kind);

        switch (kind)
        {
            case "componentInputParameter":
                var sourceName = Json.Str(input, kind);
                var source = sourceName is null ? null : SpecIndex.InputParameter(task.Owner, sourceName);
                if (source is null)
                {
                    problems.Add(Path(), $"the enclosing component declares no input parameter {input[kind]?.ToJsonString()}; declare it in its inputDefinitions or fix the name.");
                }
                else if (!selector && Incompatible(Json.Str(source, "parameterType"), target) is { } message)
                {
                    problems.Add(Path(), message);
                }

                break;
            case "taskOutputParameter":
                var producer = Json.Str(input[kind], "producerTask");
                var key = Json.Str(input[kind], "outputParameterKey");
                if (ProducerComponent(task, producer, "parameters", name, kind, problems, ordered) is { } component)
                {
                    var output = key is null ? null : SpecIndex.OutputParameter(component, key);
                    if (output is null)
                    {
                        problems.Add(Path(), $"task '{producer}' has no output parameter '{key}'; use one of its component's outputDefinitions.parameters.");
                    }
                    else if (!selector && Incompatible(Json.Str(output, "parameterType"), target) is { } message)
                    {
                        problems.Add(Path(), message);
                    }
                }

                break;
            case "runtimeValue":
                if (target is not null && Json.Obj(input, kind)?.TryGetPropertyValue("constant", out var constant) == true
                    && ParameterTypes.Mismatch(target, constant) is { } found)
                {
                    problems.Add(Json.Path(Path(), "constant"), $"the constant is {found} but the input is {target}; pass a value of type {target}.");
                }

                break;
            default:
                ProducerComponent(task, Json.Str(input[kind], "producerTask"), "parameters", name, kind, problems);
                break;
        }
    }

    /// <summary>
    /// The component of the sibling <paramref name="producer"/> that feeds input <paramref name="name"/> of
    /// <paramref name="section"/> (through <paramref name="field"/>, the problems' path).
    /// </summary>
    internal static JsonObject? ProducerComponent(
        TaskContext task, string? producer, string section, string name, string field, ProblemSink problems, bool ordered = true)
    {
        if (producer is null || !task.Siblings.TryGetValue(producer, out var producerTask))
        {
            problems.Add(Json.Path(task.Path, "inputs", section, name, field), $"producer task '{producer}' is not a task of the same DAG; name a sibling task.");
            return null;
        }

        if (ordered && !task.DependentTasks.Contains(producer, StringComparer.Ordinal))
        {
            problems.Add(Json.Path(task.Path, "inputs", section, name, field), $"task '{task.Name}' reads an output of '{producer}' but does not list it in dependentTasks; add '{producer}' to dependentTasks.");
        }

        return task.Index.ComponentOf(producerTask);
    }

    private static string? Incompatible(string? source, string? target) => ParameterTypes.Compatible(source, target)
        ? null
        : $"a {source} value cannot feed a {target} input; change one of the types or convert the value.";

    private static void CheckRequired(TaskContext task, JsonObject? component, ProblemSink problems)
    {
        foreach (var kind in Kinds)
        {
            foreach (var (name, spec) in Json.Entries(Json.Obj(component, "inputDefinitions"), kind))
            {
                var optional = (spec as JsonObject)?["isOptional"]?.GetValueKind() == System.Text.Json.JsonValueKind.True
                               || (spec as JsonObject)?.ContainsKey("defaultValue") == true;
                if (!optional && !IsFed(task.Task, name))
                {
                    problems.Add(Json.Path(task.Path, "inputs"),
                        $"required input {kind[..^1]} '{name}' of component '{task.ComponentName}' is not given; pass a value or give the input a default.");
                }
            }
        }
    }

    /// <summary>True when the task passes <paramref name="name"/>: as a parameter, an artifact or a loop's item.</summary>
    private static bool IsFed(JsonObject task, string name) =>
        Json.Has(Json.Obj(task, "inputs"), "parameters", name)
        || Json.Has(Json.Obj(task, "inputs"), "artifacts", name)
        || Json.Str(Json.Obj(task, "parameterIterator"), "itemInput") == name
        || Json.Str(Json.Obj(task, "artifactIterator"), "itemInput") == name;
}
