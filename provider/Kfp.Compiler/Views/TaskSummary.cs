using System.Text.Json.Nodes;

namespace Kfp.Compiler.Views;

/// <summary>
/// What a reviewer reads in a pipeline, taken from its IR: per task the image, command, args, inputs and
/// their sources, <c>after</c> edges, caching, retry, condition, loop and Kubernetes settings (a DAG task
/// lists its own <c>tasks</c>), and the root parameters with their types and defaults. Pure and deterministic
/// (keys sorted); absent settings are left out rather than written empty.
/// </summary>
public static class TaskSummary
{
    /// <summary>Task name → summary, for the root DAG (nested DAGs under each DAG task's <c>tasks</c>).</summary>
    public static JsonObject Tasks(IrDocument document) =>
        TasksOf(document, document.PipelineSpec["root"] as JsonObject, depth: 0);

    /// <summary>Root parameter name → <c>{type, default?, optional?}</c>.</summary>
    public static JsonObject Parameters(IrDocument document)
    {
        var result = new JsonObject();
        if (document.PipelineSpec["root"]?["inputDefinitions"]?["parameters"] is not JsonObject parameters)
        {
            return result;
        }
        foreach (var (name, node) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            Put(entry, "type", node?["parameterType"]);
            Put(entry, "default", node?["defaultValue"]);
            if (node?["isOptional"] is JsonValue optional && optional.TryGetValue<bool>(out var o) && o)
            {
                entry["optional"] = true;
            }
            result[name] = entry;
        }
        return result;
    }

    private static JsonObject TasksOf(IrDocument document, JsonObject? component, int depth)
    {
        var result = new JsonObject();
        if (depth > 32)
        {
            return result;
        }
        foreach (var (name, task) in IrWalk.Tasks(component))
        {
            result[name] = Task(document, task, depth);
        }
        return result;
    }

    private static JsonObject Task(IrDocument document, JsonObject task, int depth)
    {
        var spec = document.PipelineSpec;
        var component = IrWalk.Component(spec, task);
        var entry = new JsonObject();
        var label = IrWalk.ExecutorLabel(component);
        var executor = IrWalk.Executor(spec, label);
        if (executor?["container"] is JsonObject container)
        {
            Put(entry, "image", container["image"]);
            Put(entry, "command", container["command"]);
            Put(entry, "args", container["args"]);
            Put(entry, "env", container["env"]);
            Put(entry, "resources", container["resources"]);
        }
        else if (executor?["importer"] is JsonObject importer)
        {
            Put(entry, "importer", importer["artifactUri"]);
        }
        if (Inputs(task) is { Count: > 0 } inputs)
        {
            entry["inputs"] = inputs;
        }
        if (IrWalk.After(task) is { Count: > 0 } after)
        {
            entry["after"] = new JsonArray([.. after.Select(a => (JsonNode)JsonValue.Create(a))]);
        }
        if (task["cachingOptions"] is JsonObject caching)
        {
            entry["caching"] = caching["enableCache"] is JsonValue enabled && enabled.TryGetValue<bool>(out var on) && on;
        }
        Put(entry, "retry", task["retryPolicy"]);
        Put(entry, "condition", task["triggerPolicy"]?["condition"]);
        if (task["triggerPolicy"]?["strategy"] is JsonValue strategy && IrWalk.Text(strategy) is { } s && s != "ALL_UPSTREAM_TASKS_SUCCEEDED")
        {
            entry["trigger"] = s;
        }
        Put(entry, "loop", LoopItems(task));
        Put(entry, "kubernetes", IrWalk.KubernetesConfig(document.PlatformSpec, label));
        if (IrWalk.IsDag(component))
        {
            entry["tasks"] = TasksOf(document, component, depth + 1);
        }
        return entry;
    }

    /// <summary>Input name → where its value comes from: a constant as written, a reference as <c>{{…}}</c>.</summary>
    private static JsonObject Inputs(JsonObject task)
    {
        var result = new JsonObject();
        foreach (var (kind, inputs) in new[] { ("parameters", task["inputs"]?["parameters"]), ("artifacts", task["inputs"]?["artifacts"]) })
        {
            if (inputs is not JsonObject map)
            {
                continue;
            }
            foreach (var (name, source) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                result[name] = Source(kind, source);
            }
        }
        return result;
    }

    private static JsonNode? Source(string kind, JsonNode? source)
    {
        if (source is not JsonObject s)
        {
            return source?.DeepClone();
        }
        var selector = IrWalk.Text(s["parameterExpressionSelector"]) is { } e ? $" | {e}" : "";
        if (s["runtimeValue"]?["constant"] is { } constant && selector.Length == 0)
        {
            return constant.DeepClone();
        }
        var text = s switch
        {
            _ when IrWalk.Text(s["componentInputParameter"]) is { } p => $"inputs.{p}",
            _ when IrWalk.Text(s["componentInputArtifact"]) is { } a => $"inputs.{a}",
            _ when s["taskOutputParameter"] is JsonObject o => $"tasks.{IrWalk.Text(o["producerTask"])}.outputs.{IrWalk.Text(o["outputParameterKey"])}",
            _ when s["taskOutputArtifact"] is JsonObject o => $"tasks.{IrWalk.Text(o["producerTask"])}.outputs.{IrWalk.Text(o["outputArtifactKey"])}",
            _ when s["taskFinalStatus"] is JsonObject f => $"tasks.{IrWalk.Text(f["producerTask"])}.status",
            _ when s["runtimeValue"]?["constant"] is { } c => c.ToJsonString(),
            _ => kind + " " + s.ToJsonString(),
        };
        return $"{{{{{text}{selector}}}}}";
    }

    private static JsonNode? LoopItems(JsonObject task)
    {
        var iterator = task["parameterIterator"] ?? task["artifactIterator"];
        if (iterator?["items"] is not JsonObject items)
        {
            return null;
        }
        return IrWalk.Text(items["raw"]) is { } raw ? raw
            : IrWalk.Text(items["inputParameter"] ?? items["inputArtifact"]) is { } input ? $"{{{{inputs.{input}}}}}"
            : items.DeepClone();
    }

    private static void Put(JsonObject entry, string key, JsonNode? value)
    {
        if (value is null || value is JsonArray { Count: 0 } || value is JsonObject { Count: 0 })
        {
            return;
        }
        entry[key] = value.DeepClone();
    }
}
