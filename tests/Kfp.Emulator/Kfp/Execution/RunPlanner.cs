using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// Walks a pipeline spec's DAG and plans each task: a task starts when every task in <c>dependentTasks</c> has
/// succeeded (tasks with no pending dependency start together), takes <c>duration</c> (a quarter PENDING, the rest
/// RUNNING) and succeeds unless a failure rule names it. Sub-DAGs, conditions and loops are DAG nodes around their
/// tasks. A condition that reads only values known when the run starts (the run's parameters, the pipeline's defaults,
/// constants) is evaluated (<see cref="ConditionEvaluator"/>): when false its node is SKIPPED and nothing in it runs, so
/// exactly one branch of an if/elif/else runs; any other condition is taken. A loop runs one iteration per item of a
/// literal list (<c>items.raw</c>), else two. Tasks downstream of a failure never start; independent branches finish.
/// </summary>
internal sealed class RunPlanner(TimeSpan duration, TaskFailures failures)
{
    private const int UnknownLoopCount = 2;

    /// <param name="parameters">The run's <c>runtime_config.parameters</c>, if any.</param>
    public RunPlan Plan(JsonObject spec, DateTimeOffset createdAt, JsonObject? parameters = null)
    {
        var pipelineName = spec["pipelineInfo"]?["name"]?.ToString() is { Length: > 0 } n ? n : "pipeline";
        var workflow = $"{pipelineName}-{Guid.NewGuid().ToString("N")[..5]}";
        var context = new Context(spec, workflow, []);
        var start = createdAt + duration / 4;
        var rootDag = spec["root"]?["dag"] as JsonObject;
        var (end, failed) = rootDag is null ? (start, null) : PlanDag(context, rootDag, workflow, start, "", RootValues(spec, parameters));
        context.Tasks.Insert(0, new PlannedTask
        {
            TaskId = Guid.NewGuid().ToString(),
            NodeId = workflow,
            Name = workflow,
            Kind = "DAG",
            Ready = start,
            Running = start,
            End = end,
            Final = failed is null ? "SUCCEEDED" : "FAILED",
        });
        return new RunPlan
        {
            WorkflowName = workflow,
            Start = start,
            End = end,
            Final = failed is null ? "SUCCEEDED" : "FAILED",
            Error = failed is null ? "" : $"task '{failed.Name}' failed: {failed.Reason}",
            Tasks = context.Tasks,
        };
    }

    private (DateTimeOffset End, Failure? Failed) PlanDag(Context context, JsonObject dag, string parentNode, DateTimeOffset at, string path,
        IReadOnlyDictionary<string, JsonNode?> values)
    {
        var tasks = (dag["tasks"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var done = new Dictionary<string, (DateTimeOffset End, bool Ok)>(StringComparer.Ordinal);
        var end = at;
        Failure? failed = null;
        while (done.Count < tasks.Count)
        {
            var progressed = false;
            foreach (var (name, node) in tasks)
            {
                if (done.ContainsKey(name) || node is not JsonObject task)
                {
                    continue;
                }
                var deps = Strings(task["dependentTasks"]).Where(d => tasks.Any(t => t.Key == d)).ToList();
                if (!deps.All(done.ContainsKey))
                {
                    continue;
                }
                progressed = true;
                if (!deps.All(d => done[d].Ok))
                {
                    done[name] = (at, false); // never starts: an upstream task failed
                    continue;
                }
                var ready = deps.Select(d => done[d].End).Append(at).Max();
                var (taskEnd, taskFailed) = PlanTask(context, name, task, deps, parentNode, ready, $"{path}/{name}", values);
                done[name] = (taskEnd, taskFailed is null);
                end = taskEnd > end ? taskEnd : end;
                failed ??= taskFailed;
            }
            if (!progressed)
            {
                break; // a dependency cycle: the server would have refused the spec; leave the rest unplanned
            }
        }
        return (end, failed);
    }

    private (DateTimeOffset End, Failure? Failed) PlanTask(Context context, string name, JsonObject task, List<string> deps, string parentNode,
        DateTimeOffset ready, string path, IReadOnlyDictionary<string, JsonNode?> outerValues)
    {
        var componentName = task["componentRef"]?["name"]?.ToString() ?? "";
        var component = context.Spec["components"]?[componentName] as JsonObject ?? [];
        var nodeId = context.NodeId(path);
        var condition = task["triggerPolicy"]?["condition"]?.ToString() ?? "";
        var values = TaskValues(task, outerValues);
        if (condition.Length > 0 && ConditionEvaluator.Evaluate(condition, values) == false)
        {
            context.Tasks.Add(Dag(context, name, nodeId, parentNode, componentName, condition, deps, ready, ready, null) with { Final = "SKIPPED" });
            return (ready, null);
        }
        if ((task["parameterIterator"] ?? task["artifactIterator"]) is { } iterator)
        {
            var count = LoopCount(iterator);
            var (loopEnd, loopFailed) = (ready, (Failure?)null);
            var iterations = new List<PlannedTask>();
            for (var i = 0; i < count; i++)
            {
                var iterationPath = $"{path}#{i}";
                var iterationNode = context.NodeId(iterationPath);
                var (iterationEnd, iterationFailed) = component["dag"] is JsonObject body
                    ? PlanDag(context, body, iterationNode, ready, iterationPath, values)
                    : PlanContainer(context, $"{name}-iteration-{i}", componentName, component, [], iterationNode, ready, iterationPath + "/c");
                iterations.Add(Dag(context, $"{name}-iteration-{i}", iterationNode, nodeId, componentName, "", [], ready, iterationEnd, iterationFailed));
                loopEnd = iterationEnd > loopEnd ? iterationEnd : loopEnd;
                loopFailed ??= iterationFailed;
            }
            context.Tasks.Add(Dag(context, name, nodeId, parentNode, componentName, condition, deps, ready, loopEnd, loopFailed));
            context.Tasks.AddRange(iterations);
            return (loopEnd, loopFailed);
        }
        if (component["dag"] is JsonObject sub)
        {
            var index = context.Tasks.Count;
            var (dagEnd, dagFailed) = PlanDag(context, sub, nodeId, ready, path, values);
            context.Tasks.Insert(index, Dag(context, name, nodeId, parentNode, componentName, condition, deps, ready, dagEnd, dagFailed));
            return (dagEnd, dagFailed);
        }
        return PlanContainer(context, name, componentName, component, deps, parentNode, ready, path, condition);
    }

    private (DateTimeOffset End, Failure? Failed) PlanContainer(Context context, string name, string componentName, JsonObject component,
        List<string> deps, string parentNode, DateTimeOffset ready, string path, string condition = "")
    {
        var executor = component["executorLabel"]?.ToString() ?? "";
        var spec = context.Spec["deploymentSpec"]?["executors"]?[executor] as JsonObject;
        var image = spec?["container"]?["image"]?.ToString() ?? (spec?["importer"] is not null ? "importer" : "");
        var rule = failures.Match(name, componentName, image);
        var end = ready + duration;
        context.Tasks.Add(new PlannedTask
        {
            TaskId = Guid.NewGuid().ToString(),
            NodeId = context.NodeId(path),
            ParentNodeId = parentNode,
            Name = name,
            Kind = "CONTAINER",
            Component = componentName,
            Image = image,
            Condition = condition,
            DependsOn = deps,
            Ready = ready,
            Running = ready + duration / 4,
            End = end,
            Final = rule is null ? "SUCCEEDED" : "FAILED",
        });
        return (end, rule is null ? null : new Failure(name, $"the emulator fails tasks matching '{rule}' (image {(image.Length > 0 ? image : "none")})"));
    }

    private static PlannedTask Dag(Context context, string name, string nodeId, string parentNode, string component, string condition,
        List<string> deps, DateTimeOffset ready, DateTimeOffset end, Failure? failed) => new()
    {
        TaskId = Guid.NewGuid().ToString(),
        NodeId = nodeId,
        ParentNodeId = parentNode,
        Name = name,
        Kind = "DAG",
        Component = component,
        Condition = condition,
        DependsOn = deps,
        Ready = ready,
        Running = ready,
        End = end,
        Final = failed is null ? "SUCCEEDED" : "FAILED",
    };

    /// <summary>The root DAG's known inputs: the pipeline's parameter defaults, overridden by the run's parameters.</summary>
    private static Dictionary<string, JsonNode?> RootValues(JsonObject spec, JsonObject? parameters)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, definition) in spec["root"]?["inputDefinitions"]?["parameters"] as JsonObject ?? [])
        {
            if (definition?["defaultValue"] is { } value)
            {
                values[name] = value.DeepClone();
            }
        }
        foreach (var (name, value) in parameters ?? [])
        {
            values[name] = value?.DeepClone();
        }
        return values;
    }

    /// <summary>A task's input parameters known before the run: constants and inputs passed down from known values.</summary>
    private static Dictionary<string, JsonNode?> TaskValues(JsonObject task, IReadOnlyDictionary<string, JsonNode?> outer)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, input) in task["inputs"]?["parameters"] as JsonObject ?? [])
        {
            if (input?["runtimeValue"]?["constant"] is { } constant)
            {
                values[name] = constant.DeepClone();
            }
            else if (input?["componentInputParameter"]?.ToString() is { } from && outer.TryGetValue(from, out var known))
            {
                values[name] = known?.DeepClone();
            }
        }
        return values;
    }

    private static int LoopCount(JsonNode iterator)
    {
        var raw = iterator["items"]?["raw"]?.ToString();
        if (raw is null)
        {
            return UnknownLoopCount;
        }
        try
        {
            return JsonNode.Parse(raw) is JsonArray items ? items.Count : UnknownLoopCount;
        }
        catch (JsonException)
        {
            return UnknownLoopCount;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.ToString() ?? "").Where(s => s.Length > 0) : [];

    private sealed record Failure(string Name, string Reason);

    private sealed record Context(JsonObject Spec, string Workflow, List<PlannedTask> Tasks)
    {
        /// <summary>Argo-like node ids: the workflow name and a stable hash of the task's path in the DAG.</summary>
        public string NodeId(string path) => $"{Workflow}-{Fnv.Hash32(path)}";
    }
}
