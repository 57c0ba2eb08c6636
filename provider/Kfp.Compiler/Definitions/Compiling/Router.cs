using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Brings a channel from where it exists to a consumer, the way the KFP compiler "punches holes":
/// every group in between declares it as an input <c>pipelinechannel--…</c>; outputs of tasks inside a
/// loop are collected as a list output of the loop; dependencies are set between the highest distinct
/// ancestors of consumer and producer.
/// </summary>
internal sealed class Router(Graph graph)
{
    /// <summary>
    /// The input spec the consumer uses in its parent DAG and the channel it reads (a loop's collected
    /// output when the producer sits in a loop the consumer is outside of), or null when the route is impossible.
    /// </summary>
    public Routed? Route(GraphNode consumer, Channel channel, string path)
    {
        if (channel is TaskOutputChannel output && !output.Scope.IsAncestorOrSelfOf(consumer.Parent!))
        {
            if (Collect(output, consumer.Parent!, path) is not { } collected)
            {
                return null;
            }

            channel = collected;
        }

        var scope = channel.Scope;
        if (!scope.IsAncestorOrSelfOf(consumer.Parent!))
        {
            graph.Problems.Add(path, $"'{channel.FullName}' is only available inside '{scope.Name}'; move this task into it.");
            return null;
        }

        var chain = consumer.Parent!.AncestorsAndSelf().TakeWhile(n => n != scope).Reverse();
        foreach (var group in chain)
        {
            if (!group.GroupInputs.Contains(channel))
            {
                group.GroupInputs.Add(channel);
                AddInput(group, channel.InputName, channel, Feed(channel, group.Parent!));
            }
        }

        return new Routed(Feed(channel, consumer.Parent!), channel);
    }

    /// <summary>Records that <paramref name="consumer"/> runs after <paramref name="producer"/>.</summary>
    public static void Depend(GraphNode consumer, GraphNode producer)
    {
        var common = consumer.Parent!.AncestorsAndSelf().First(a => a.IsAncestorOrSelfOf(producer));
        var from = consumer.AncestorsAndSelf().First(n => n.Parent == common);
        var to = producer.AncestorsAndSelf().First(n => n.Parent == common);
        if (from != to)
        {
            from.Dependencies.Add(to.Name);
        }
    }

    public static void AddInput(GraphNode node, string name, Channel channel, JsonObject feed)
    {
        (channel.Type.IsArtifact ? node.ArtifactInputs : node.ParameterInputs)[name] = feed;
    }

    private static JsonObject Feed(Channel channel, GraphNode parent)
    {
        var native = parent == channel.Scope;
        return channel switch
        {
            TaskOutputChannel output when native && output.Type.IsArtifact => new JsonObject
            {
                ["taskOutputArtifact"] = new JsonObject { ["outputArtifactKey"] = output.Key, ["producerTask"] = output.Producer.Name },
            },
            TaskOutputChannel output when native => new JsonObject
            {
                ["taskOutputParameter"] = new JsonObject { ["outputParameterKey"] = output.Key, ["producerTask"] = output.Producer.Name },
            },
            ParameterChannel parameter when native => Input(parameter.Type, parameter.Name),
            _ => Input(channel.Type, channel.InputName),
        };
    }

    private static JsonObject Input(IoType type, string name) =>
        type.IsArtifact ? new JsonObject { ["componentInputArtifact"] = name } : new JsonObject { ["componentInputParameter"] = name };

    private TaskOutputChannel? Collect(TaskOutputChannel output, GraphNode consumerParent, string path)
    {
        var common = consumerParent.AncestorsAndSelf().First(a => a.IsAncestorOrSelfOf(output.Producer));
        var chain = output.Producer.Parent!.AncestorsAndSelf().TakeWhile(n => n != common).ToList();
        if (chain.Any(n => n.Kind != NodeKind.Loop))
        {
            var blocking = chain.First(n => n.Kind != NodeKind.Loop);
            graph.Problems.Add(path, $"the output of task '{output.Producer.Name}' is only available inside '{blocking.Name}' ({blocking.Kind.ToString().ToLowerInvariant()}); move the consumer into that group.");
            return null;
        }

        var key = output.InputName;
        var (producer, producerKey) = (output.Producer.Name, output.Key);
        foreach (var loop in chain)
        {
            loop.CollectedOutputs[key] = new CollectedOutput(producer, producerKey, output.Type);
            (producer, producerKey) = (loop.Name, key);
        }

        var type = output.Type.IsArtifact ? output.Type with { IsList = true } : IoType.Parameter("LIST");
        return new TaskOutputChannel(chain[^1], key, type, Collected: true);
    }

}

/// <summary>How a consumer reads a channel: its input spec, and the channel actually read.</summary>
internal sealed record Routed(JsonObject Feed, Channel Channel);
