using System.Collections.Immutable;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Turns a pipeline's task list into a node tree, naming nodes as the KFP SDK does: tasks after their
/// component (<c>print-text</c>, <c>print-text-2</c>), groups by one counter in definition order
/// (<c>condition-1</c>, <c>for-loop-2</c>; a loop over a literal list takes a number for its item first).
/// </summary>
internal sealed class GraphBuilder
{
    private readonly Graph _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _groupCounter;

    private GraphBuilder(Graph graph) => _graph = graph;

    public static Graph Build(DefinitionFile file, PipelineDefinition pipeline, ProblemSink problems)
    {
        var graph = new Graph(file, pipeline, problems);
        new GraphBuilder(graph).AddAll(graph.Root, pipeline.Tasks);
        return graph;
    }

    private void AddAll(GraphNode parent, ImmutableArray<TaskNode> tasks)
    {
        foreach (var task in tasks)
        {
            switch (task)
            {
                case TaskDefinition definition:
                    AddTask(parent, definition, null);
                    break;
                case ConditionGroup condition:
                    var conditionNode = new GraphNode(NodeKind.Condition, $"condition-{++_groupCounter}", parent, condition.Path);
                    conditionNode.Clauses.Add((new ConditionTest(condition.Left, condition.Operator, condition.Right, condition.Path), false));
                    AddGroup(parent, conditionNode, condition.Tasks);
                    break;
                case BranchesGroup branches:
                    AddBranches(parent, branches);
                    break;
                case LoopGroup loop:
                    var rawName = loop.Items is ConstantRef ? $"loop-item-param-{++_groupCounter}" : null;
                    var node = new GraphNode(NodeKind.Loop, $"for-loop-{++_groupCounter}", parent, loop.Path) { Loop = loop };
                    if (rawName is not null)
                    {
                        _graph.RawLoopItemNames[node] = rawName;
                    }

                    AddGroup(parent, node, loop.Tasks);
                    break;
                case ExitHandlerGroup handler:
                    var exitTaskName = AllocateName(handler.ExitTask);
                    var group = new GraphNode(NodeKind.ExitHandler, $"exit-handler-{++_groupCounter}", parent, handler.Path);
                    AddGroup(parent, group, handler.Tasks);
                    AddTask(parent, handler.ExitTask, group, exitTaskName);
                    break;
            }
        }
    }

    /// <summary>
    /// Numbers as the KFP SDK does: the <c>dsl.If</c> takes a number when entered, and when the first
    /// <c>Elif</c>/<c>Else</c> comes the branches group takes that number over, the If gets the next one
    /// (after the groups inside it), and each later branch the next one when it starts.
    /// </summary>
    private void AddBranches(GraphNode parent, BranchesGroup branches)
    {
        var group = new GraphNode(NodeKind.Branches, $"condition-branches-{++_groupCounter}", parent, branches.Path);
        parent.Children.Add(group);
        var earlier = new List<ConditionTest>();
        GraphNode? first = null;
        foreach (var branch in branches.Branches)
        {
            var node = new GraphNode(NodeKind.Condition, "condition", group, branch.Path);
            if (first is null)
            {
                first = node;
            }
            else
            {
                if (first.Name == "condition")
                {
                    first.Name = $"condition-{++_groupCounter}";
                }

                node.Name = $"condition-{++_groupCounter}";
            }

            node.Clauses.AddRange(earlier.Select(test => (test, true)));
            if (branch.Test is { } test)
            {
                node.Clauses.Add((test, false));
                earlier.Add(test);
            }

            AddGroup(group, node, branch.Tasks);
        }
    }

    private void AddGroup(GraphNode parent, GraphNode group, ImmutableArray<TaskNode> tasks)
    {
        parent.Children.Add(group);
        AddAll(group, tasks);
    }

    private void AddTask(GraphNode parent, TaskDefinition task, GraphNode? exitHandlerOf, string? name = null)
    {
        name ??= AllocateName(task);
        ComponentDefinition? component = null;
        PipelineDefinition? pipeline = null;
        if (task.Component is { } componentName && !_graph.File.Components.TryGetValue(componentName, out component))
        {
            _graph.Problems.Add(Json.Path(task.Path, "component"), $"component '{componentName}' is not defined under 'components'; add it or fix the name.");
        }

        if (task.Pipeline is { } pipelineName && !_graph.File.Pipelines.TryGetValue(pipelineName, out pipeline))
        {
            _graph.Problems.Add(Json.Path(task.Path, "pipeline"), $"pipeline '{pipelineName}' is not defined under 'pipelines'; add it or fix the name.");
        }

        if (task.Importer is { } importer)
        {
            component = importer.AsComponent(Json.Path(task.Path, "importer"));
        }

        if (task.BuiltIn is { } builtIn)
        {
            component = Parsing.BuiltInComponents.Get(builtIn);
        }

        var node = new GraphNode(NodeKind.Task, name, parent, task.Path)
        {
            Task = task, Component = component, SubPipeline = pipeline, ExitHandlerOf = exitHandlerOf,
        };
        parent.Children.Add(node);
        _graph.Tasks[name] = node;
    }

    private string AllocateName(TaskDefinition task)
    {
        string name;
        if (task.Name is { } given)
        {
            name = given;
            if (NameAllocator.Sanitize(given) != given)
            {
                _graph.Problems.Add(Json.Path(task.Path, "name"), $"task name '{given}' must use lowercase letters, digits and '-' (e.g. '{NameAllocator.Sanitize(given)}').");
            }
            else if (_names.Contains(given))
            {
                _graph.Problems.Add(Json.Path(task.Path, "name"), $"task name '{given}' is used twice in this pipeline; task names must be unique.");
            }
        }
        else
        {
            var baseName = NameAllocator.Sanitize(task.Component ?? task.Pipeline ?? task.BuiltIn ?? (task.Importer is null ? "task" : ImporterDefinition.TaskName));
            name = NameAllocator.MakeUnique(baseName.Length == 0 ? "task" : baseName, _names);
        }

        _names.Add(name);
        return name;
    }
}
