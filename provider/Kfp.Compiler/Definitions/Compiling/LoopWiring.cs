using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Definitions.Parsing;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Binds a loop's items and declares its item input (<c>pipelinechannel--loop-item-param-N</c> or <c>…-loop-item</c>).</summary>
internal static class LoopWiring
{
    public static void Bind(Graph graph, Binder binder, Router router, GraphNode node)
    {
        var loop = node.Loop!;
        var itemsPath = Json.Path(loop.Path, "loop.items");
        IoType? declared = null;
        if (loop.ItemType is { } typeName)
        {
            declared = TypeParser.Parse(typeName);
            if (declared is null || declared.IsArtifact)
            {
                graph.Problems.Add(Json.Path(loop.Path, "loop.itemType"), $"unknown item type '{typeName}'; use string, integer, float, boolean, list or struct.");
                declared = null;
            }
        }

        if (loop.Items is ConstantRef constant)
        {
            if (constant.Value is not JsonArray items)
            {
                graph.Problems.Add(itemsPath, "loop items must be a list, {parameter: name} or {task: name, output: key}.");
                return;
            }

            var item = new LoopItemChannel(node, graph.RawLoopItemNames[node], declared ?? Infer(items), null);
            node.LoopItem = item;
            node.GroupInputs.Add(item);
            return;
        }

        if (binder.Bind(loop.Items, node)?.Channel is not { } channel)
        {
            return;
        }

        if (channel.Type.ParameterType != "LIST")
        {
            graph.Problems.Add(itemsPath, $"loop items must be a list but '{channel.FullName}' is {channel.Type}; declare it as type list.");
            return;
        }

        if (router.Route(node, channel, itemsPath) is { } routed)
        {
            node.GroupInputs.Add(routed.Channel);
            Router.AddInput(node, routed.Channel.InputName, routed.Channel, routed.Feed);
            if (channel is TaskOutputChannel output)
            {
                Router.Depend(node, output.Producer);
            }

            var item = new LoopItemChannel(node, routed.Channel.FullName + "-loop-item", declared ?? IoType.Parameter("STRING"), routed.Channel);
            node.LoopItem = item;
            node.GroupInputs.Add(item);
        }
    }

    private static IoType Infer(JsonArray items) => IoType.Parameter(items.FirstOrDefault()?.GetValueKind() switch
    {
        JsonValueKind.Number => PythonJson.Number(items[0]!.AsValue()).Contains('.', StringComparison.Ordinal) ? "NUMBER_DOUBLE" : "NUMBER_INTEGER",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
        JsonValueKind.Object => "STRUCT",
        JsonValueKind.Array => "LIST",
        _ => "STRING",
    });
}
