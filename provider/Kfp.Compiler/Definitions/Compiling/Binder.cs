using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Resolves value references (parameters, task outputs, loop items) into bindings for one consumer.</summary>
internal sealed class Binder(Graph graph, Func<GraphNode, string, IoType?> outputType)
{
    public Binding? Bind(ValueRef value, GraphNode consumer)
    {
        switch (value)
        {
            case ConstantRef constant:
                return Binding.Const(constant.Value);
            case ParameterRef parameter:
                if (graph.Pipeline.Parameter(parameter.Name) is { } declared)
                {
                    return Binding.Of(new ParameterChannel(declared.Name, declared.Type, graph.Root));
                }

                graph.Problems.Add(value.Path, $"pipeline '{graph.Pipeline.Name}' has no parameter '{parameter.Name}'; declare it under parameters or fix the name.");
                return null;
            case TaskOutputRef output:
                return BindOutput(output, consumer);
            case OneOfRef oneOf:
                return OneOfBinding.Bind(graph, oneOf, consumer, option => BindOutput(option, consumer));
            case LoopItemRef item:
                var loop = consumer.AncestorsAndSelf().FirstOrDefault(n => n.Kind == NodeKind.Loop && n.Loop!.ItemName == item.Loop && n != consumer);
                if (loop?.LoopItem is { } channel)
                {
                    return Binding.Of(channel, item.Field);
                }

                graph.Problems.Add(value.Path, $"no enclosing loop names its item '{item.Loop}'; use the 'as' name of a loop around this task.");
                return null;
            default:
                return null;
        }
    }

    private Binding? BindOutput(TaskOutputRef output, GraphNode consumer)
    {
        if (!graph.Tasks.TryGetValue(output.Task, out var producer))
        {
            graph.Problems.Add(output.Path, $"there is no task '{output.Task}' in pipeline '{graph.Pipeline.Name}'; name a task defined in this pipeline.");
            return null;
        }

        if (producer == consumer)
        {
            graph.Problems.Add(output.Path, $"task '{output.Task}' cannot read its own output; use an output of another task.");
            return null;
        }

        if (outputType(producer, output.Output) is not { } type)
        {
            graph.Problems.Add(output.Path, $"task '{output.Task}' has no output '{output.Output}'; declare it in the outputs of its component or pipeline.");
            return null;
        }

        return Binding.Of(new TaskOutputChannel(producer, output.Output, type));
    }
}
