using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Binds a template argument the way the KFP SDK compiles an f-string: each referenced value becomes an
/// extra <c>pipelinechannel--…</c> input of the task and is referenced by a placeholder in the constant.
/// </summary>
internal static class TemplateWiring
{
    public static void Bind(Graph graph, Binder binder, Router router, GraphNode node, IoDefinition declared, TemplateRef template)
    {
        if (declared.Type.ParameterType != "STRING")
        {
            graph.Problems.Add(template.Path, $"a template makes a string but input '{declared.Name}' is {declared.Type}.");
            return;
        }

        var text = template.Text;
        foreach (var (placeholder, part) in template.Parts)
        {
            if (binder.Bind(part, node)?.Channel is not { } channel || router.Route(node, channel, template.Path) is not { } routed)
            {
                continue;
            }

            Router.AddInput(node, routed.Channel.InputName, routed.Channel, routed.Feed);
            if (channel is TaskOutputChannel output)
            {
                Router.Depend(node, output.Producer);
            }

            text = text.Replace(placeholder, $"{{{{$.inputs.parameters['{routed.Channel.InputName}']}}}}", StringComparison.Ordinal);
        }

        node.ParameterInputs[declared.Name] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = text } };
    }
}
