using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Binds every argument, loop and condition of a graph and routes the values to their consumers.</summary>
internal sealed class Wiring(Graph graph, Binder binder)
{
    private readonly Router _router = new(graph);

    public List<(string Name, JsonObject Output, IoType Type)> PipelineOutputs { get; } = [];

    public void Run()
    {
        foreach (var node in graph.Nodes().ToList())
        {
            switch (node.Kind)
            {
                case NodeKind.Loop:
                    LoopWiring.Bind(graph, binder, _router, node);
                    break;
                case NodeKind.Condition:
                    BindCondition(node);
                    break;
                case NodeKind.Task:
                    TaskWiring.Bind(graph, binder, _router, node);
                    break;
            }
        }

        BindOutputs();
    }

    private void BindCondition(GraphNode node)
    {
        var expressions = new List<string>();
        foreach (var (test, negated) in node.Clauses)
        {
            var left = binder.Bind(test.Left, node);
            var right = binder.Bind(test.Right, node);
            if (left is null || right is null)
            {
                return;
            }

            foreach (var binding in new[] { left, right })
            {
                if (binding.Channel is { } channel && _router.Route(node, channel, test.Path)?.Feed is { } feed)
                {
                    if (!node.ConditionChannels.Contains(channel))
                    {
                        node.ConditionChannels.Add(channel);
                    }

                    if (!node.GroupInputs.Contains(channel))
                    {
                        node.GroupInputs.Add(channel);
                        Router.AddInput(node, channel.InputName, channel, feed);
                    }

                    if (channel is TaskOutputChannel output)
                    {
                        Router.Depend(node, output.Producer);
                    }
                }
            }

            if (ConditionExpression.Build(left, right, test.Operator, message => graph.Problems.Add(Json.Path(test.Path, "condition"), message)) is not { } expression)
            {
                return;
            }

            expressions.Add(negated ? $"!({expression})" : expression);
        }

        node.ConditionExpression = string.Join(" && ", expressions);
    }

    private void BindOutputs()
    {
        foreach (var (name, value) in graph.Pipeline.Outputs)
        {
            var consumer = new GraphNode(NodeKind.Task, "(outputs)", graph.Root, value.Path);
            if (binder.Bind(value, consumer)?.Channel is not TaskOutputChannel channel
                || _router.Route(consumer, channel, value.Path)?.Channel is not TaskOutputChannel read)
            {
                continue;
            }

            var output = read.Type.IsArtifact
                ? new JsonObject { ["artifactSelectors"] = new JsonArray(new JsonObject { ["outputArtifactKey"] = read.Key, ["producerSubtask"] = read.Producer.Name }) }
                : new JsonObject { ["valueFromParameter"] = new JsonObject { ["outputParameterKey"] = read.Key, ["producerSubtask"] = read.Producer.Name } };
            PipelineOutputs.Add((name, output, read.Type));
        }
    }
}
