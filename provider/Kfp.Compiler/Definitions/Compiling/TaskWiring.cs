using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Binds a task's arguments, its <c>after</c> list, the conditions around it and, for an exit task, the final status.</summary>
internal static class TaskWiring
{
    public static void Bind(Graph graph, Binder binder, Router router, GraphNode node)
    {
        var task = node.Task!;
        var inputs = node.Component?.Inputs ?? node.SubPipeline?.Parameters ?? [];
        var known = node.Component is not null || node.SubPipeline is not null;
        foreach (var (name, value) in task.Arguments)
        {
            var declared = inputs.FirstOrDefault(i => i.Name == name);
            if (declared is null)
            {
                if (known)
                {
                    graph.Problems.Add(value.Path, $"'{task.Component ?? task.Pipeline}' has no input '{name}'; remove the argument or declare the input.");
                }

                continue;
            }

            if (value is TemplateRef template)
            {
                TemplateWiring.Bind(graph, binder, router, node, declared, template);
            }
            else if (binder.Bind(value, node) is { } binding)
            {
                BindArgument(graph, router, node, declared, binding, value.Path);
            }
        }

        CheckRequired(graph, node, inputs);
        ResourceWiring.Bind(graph, binder, router, node);
        foreach (var condition in node.AncestorsAndSelf().Where(a => a.Kind == NodeKind.Condition))
        {
            foreach (var channel in condition.ConditionChannels)
            {
                router.Route(node, channel, condition.Path);
                if (channel is TaskOutputChannel output)
                {
                    Router.Depend(node, output.Producer);
                }
            }
        }

        for (var i = 0; i < task.After.Length; i++)
        {
            if (graph.Tasks.TryGetValue(task.After[i], out var other) && other != node)
            {
                Router.Depend(node, other);
            }
            else
            {
                graph.Problems.Add($"{Json.Path(task.Path, "after")}[{i}]", $"there is no other task '{task.After[i]}' in this pipeline; name a task defined in it.");
            }
        }

        foreach (var dependency in task.KubernetesDependencies)
        {
            BindKubernetesDependency(graph, node, dependency);
        }

        if (node.ExitHandlerOf is { } handler)
        {
            node.Dependencies.Add(handler.Name);
            foreach (var status in inputs.Where(i => i.Type.ParameterType == "TASK_FINAL_STATUS"))
            {
                node.ParameterInputs[status.Name] = new JsonObject { ["taskFinalStatus"] = new JsonObject { ["producerTask"] = handler.Name } };
            }
        }
    }

    /// <summary>A claim made by another task: that task is a sibling in the same group (as kfp-kubernetes requires) and runs first.</summary>
    private static void BindKubernetesDependency(Graph graph, GraphNode node, KubernetesDependency dependency)
    {
        if (!graph.Tasks.TryGetValue(dependency.Task, out var producer) || producer == node)
        {
            graph.Problems.Add(dependency.Path, $"there is no other task '{dependency.Task}' in this pipeline; name the task that makes the claim.");
            return;
        }

        if (producer.Parent != node.Parent)
        {
            graph.Problems.Add(dependency.Path, $"task '{dependency.Task}' is in another group; a claim made by a task can be mounted only by tasks in the same group.");
            return;
        }

        var outputs = producer.Component?.Outputs ?? [];
        if (producer.Component is not null && !outputs.Any(o => o.Name == dependency.Output && o.Type.ParameterType == "STRING"))
        {
            graph.Problems.Add(dependency.Path, $"task '{dependency.Task}' has no string output '{dependency.Output}'; the claim's name must be a string output.");
            return;
        }

        Router.Depend(node, producer);
    }

    private static void BindArgument(Graph graph, Router router, GraphNode node, IoDefinition declared, Binding binding, string path)
    {
        if (binding.Channel is not { } channel)
        {
            if (declared.Type.IsArtifact)
            {
                graph.Problems.Add(path, $"input '{declared.Name}' is an artifact ({declared.Type}); pass {{task: ..., output: ...}} or {{parameter: ...}}, not a constant.");
            }
            else if (ParameterTypes.Mismatch(declared.Type.ParameterType!, binding.Constant) is { } found)
            {
                graph.Problems.Add(path, $"input '{declared.Name}' is {declared.Type} but the value is {found}; pass a value of that type.");
            }
            else
            {
                node.ParameterInputs[declared.Name] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = binding.Constant?.DeepClone() } };
            }

            return;
        }

        if (router.Route(node, channel, path) is not { } routed)
        {
            return;
        }

        var read = routed.Channel.Type;
        if (read.IsArtifact != declared.Type.IsArtifact || binding.Field is null && !read.Fits(declared.Type))
        {
            graph.Problems.Add(path, $"'{channel.FullName}' is {read} but input '{declared.Name}' is {declared.Type}; connect a value of a matching type.");
            return;
        }

        if (binding.Field is { } field)
        {
            routed.Feed["parameterExpressionSelector"] = $"parseJson(string_value)[\"{field}\"]";
        }

        Router.AddInput(node, declared.Name, channel, routed.Feed);
        if (channel is TaskOutputChannel output)
        {
            Router.Depend(node, output.Producer);
        }
    }

    private static void CheckRequired(Graph graph, GraphNode node, ImmutableArray<IoDefinition> inputs)
    {
        if (node.Task!.BuiltIn is not null)
        {
            return; // the built-in task's own keys are checked where they are read
        }

        foreach (var input in inputs.Where(i => i.Required && i.Type.ParameterType != "TASK_FINAL_STATUS"))
        {
            if (!node.Task!.Arguments.Any(a => a.Key == input.Name))
            {
                graph.Problems.Add(Json.Path(node.Path, "arguments"), $"required input '{input.Name}' of '{node.Task.Component ?? node.Task.Pipeline}' is not given; add it under arguments.");
            }
        }
    }
}
