using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Writes the <c>dag.tasks</c> entry of a task or a group as the KFP SDK lays it out.</summary>
internal static class TaskSpecEmitter
{
    public static JsonObject Task(GraphNode node, string componentName)
    {
        var task = node.Task!;
        var spec = new JsonObject
        {
            ["cachingOptions"] = task.Caching ? new JsonObject { ["enableCache"] = true } : new JsonObject(),
            ["componentRef"] = new JsonObject { ["name"] = componentName },
        };
        AddCommon(spec, node);
        if (task.Retry is { } retry)
        {
            spec["retryPolicy"] = new JsonObject
            {
                ["backoffDuration"] = retry.BackoffDuration,
                ["backoffFactor"] = retry.BackoffFactor,
                ["backoffMaxDuration"] = retry.BackoffMaxDuration,
                ["maxRetryCount"] = retry.MaxRetryCount,
            };
        }

        spec["taskInfo"] = new JsonObject { ["name"] = task.DisplayName ?? node.Name };
        if (node.ExitHandlerOf is not null)
        {
            spec["triggerPolicy"] = new JsonObject { ["strategy"] = "ALL_UPSTREAM_TASKS_COMPLETED" };
        }

        return spec;
    }

    public static JsonObject Group(GraphNode node, string componentName)
    {
        var spec = new JsonObject { ["componentRef"] = new JsonObject { ["name"] = componentName } };
        AddCommon(spec, node);
        spec["taskInfo"] = new JsonObject { ["name"] = node.Name };
        if (node.ConditionExpression is { } condition)
        {
            spec["triggerPolicy"] = new JsonObject { ["condition"] = condition };
        }

        if (node.LoopItem is { } item)
        {
            var items = item.Items is { } channel
                ? new JsonObject { ["inputParameter"] = channel.InputName }
                : new JsonObject { ["raw"] = PythonJson.Dumps(((ConstantRef)node.Loop!.Items).Value) };
            spec["parameterIterator"] = new JsonObject { ["itemInput"] = item.InputName, ["items"] = items };
            if (node.Loop!.Parallelism > 0)
            {
                spec["iteratorPolicy"] = new JsonObject { ["parallelismLimit"] = node.Loop.Parallelism };
            }
        }

        return spec;
    }

    private static void AddCommon(JsonObject spec, GraphNode node)
    {
        if (node.Dependencies.Count > 0)
        {
            spec["dependentTasks"] = new JsonArray([.. node.Dependencies.Select(d => (JsonNode)d)]);
        }

        var inputs = new JsonObject();
        if (node.ArtifactInputs.Count > 0)
        {
            inputs["artifacts"] = Copy(node.ArtifactInputs);
        }

        if (node.ParameterInputs.Count > 0)
        {
            inputs["parameters"] = Copy(node.ParameterInputs);
        }

        if (inputs.Count > 0)
        {
            spec["inputs"] = inputs;
        }
    }

    private static JsonObject Copy(SortedDictionary<string, JsonObject> inputs) =>
        new(inputs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone())));
}
