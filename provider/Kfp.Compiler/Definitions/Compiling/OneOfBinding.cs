using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Binds <c>{oneOf: [...]}</c> as the KFP SDK compiles <c>dsl.OneOf</c>: each option's branch surfaces the option as
/// output <c>pipelinechannel--&lt;task&gt;-&lt;output&gt;</c>, and the branches group gets the output
/// <c>pipelinechannel--condition-branches-N-oneof-M</c> (<c>valueFromOneof</c>), read like any task output.
/// </summary>
internal static class OneOfBinding
{
    public static Binding? Bind(Graph graph, OneOfRef oneOf, GraphNode consumer, Func<TaskOutputRef, Binding?> bindOutput)
    {
        var options = new List<TaskOutputChannel>();
        foreach (var option in oneOf.Options)
        {
            if (bindOutput(option)?.Channel is TaskOutputChannel channel)
            {
                options.Add(channel);
            }
        }

        if (options.Count != oneOf.Options.Length || options.Count == 0)
        {
            return null;
        }

        var branches = options[0].Producer.Parent?.Parent;
        if (branches?.Kind != NodeKind.Branches || options.Any(o => o.Producer.Parent?.Parent != branches))
        {
            graph.Problems.Add(oneOf.Path, "oneOf options must be outputs of tasks placed directly in the branches of one 'branches' group.");
            return null;
        }

        if (branches.Children[^1].Clauses.Any(c => !c.Negated))
        {
            graph.Problems.Add(oneOf.Path, $"'{branches.Name}' has no else branch, so no option may run; end its branches with {{tasks}} alone (the else) and give an option from it.");
            return null;
        }

        if (options.Any(o => o.Type.IsArtifact != options[0].Type.IsArtifact))
        {
            graph.Problems.Add(oneOf.Path, "oneOf options must be all parameters or all artifacts.");
            return null;
        }

        if (branches.IsAncestorOrSelfOf(consumer))
        {
            graph.Problems.Add(oneOf.Path, $"a oneOf is read after '{branches.Name}' ends; move this task out of the branches.");
            return null;
        }

        var identity = $"{branches.Name}|{string.Join("|", options.Select(o => o.FullName))}";
        if (graph.OneOfs.TryGetValue(identity, out var known))
        {
            return Binding.Of(known);
        }

        var key = $"pipelinechannel--{branches.Name}-oneof-{branches.SurfacedOutputs.Count(o => o.Value.OneOf) + 1}";
        var selectors = new List<(string Producer, string Key)>();
        foreach (var option in options)
        {
            var condition = option.Producer.Parent!;
            condition.SurfacedOutputs[option.InputName] = new SurfacedOutput(option.Type, [(option.Producer.Name, option.Key)], OneOf: false);
            selectors.Add((condition.Name, option.InputName));
        }

        branches.SurfacedOutputs[key] = new SurfacedOutput(options[0].Type, [.. selectors], OneOf: true);
        var result = new TaskOutputChannel(branches, key, options[0].Type);
        graph.OneOfs[identity] = result;
        return Binding.Of(result);
    }
}
