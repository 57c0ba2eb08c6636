using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Binds a task's own <c>resources</c> as the KFP SDK compiles <c>set_cpu_limit(channel)</c> and friends: the
/// value is passed in as an extra <c>pipelinechannel--…</c> input, the task gets an input named after the
/// field (<c>cpu_limit</c>) holding the placeholder, and the executor's resource field is that placeholder.
/// Like the SDK, a value read from a task output of the same DAG does not order the tasks (add <c>after</c>
/// for that); one passed into a group orders the group after the producer.
/// </summary>
internal static class ResourceWiring
{
    public static void Bind(Graph graph, Binder binder, Router router, GraphNode node)
    {
        foreach (var resource in node.Task!.Resources)
        {
            var path = resource.Value.Path;
            if (node.Component is not { } component)
            {
                if (node.SubPipeline is not null)
                {
                    graph.Problems.Add(path, "resources apply to tasks that run a component, not a nested pipeline; set them on the nested pipeline's tasks.");
                }

                continue;
            }

            if (resource.Value is ConstantRef constant)
            {
                var text = constant.Value!.GetValue<string>();
                if (Problem(resource.Field, text) is { } problem)
                {
                    graph.Problems.Add(path, problem);
                }
                else
                {
                    node.Resources[resource.Field] = new ResourceValue(text, FromChannel: false);
                }

                continue;
            }

            if (component.Input(resource.Field) is not null)
            {
                graph.Problems.Add(path, $"component '{component.Name}' has an input named '{resource.Field}', which a resource read from a value is passed as; rename the input.");
                continue;
            }

            if (binder.Bind(resource.Value, node)?.Channel is not { } channel)
            {
                continue;
            }

            if (channel.Type.ParameterType is not ("STRING" or "NUMBER_INTEGER" or "NUMBER_DOUBLE"))
            {
                graph.Problems.Add(path, $"'{channel.FullName}' is {channel.Type} but a resource must be a string or a number; pass a string value such as '500m'.");
                continue;
            }

            if (router.Route(node, channel, path) is not { } routed)
            {
                continue;
            }

            Router.AddInput(node, routed.Channel.InputName, routed.Channel, routed.Feed);
            if (channel is TaskOutputChannel output && output.Producer.Parent != node.Parent)
            {
                // Passed into a group: the group must wait for the producer (the SDK cannot compile this case at all).
                Router.Depend(node, output.Producer);
            }

            var placeholder = $"{{{{$.inputs.parameters['{routed.Channel.InputName}']}}}}";
            node.ParameterInputs[resource.Field] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = placeholder } };
            node.Resources[resource.Field] = new ResourceValue(placeholder, FromChannel: true);
        }
    }

    private static string? Problem(string field, string text) => field switch
    {
        "cpu_limit" or "cpu_request" when Quantity.Cpu(text) is null => $"'{text}' is not a CPU quantity; write e.g. 500m or 2.",
        "memory_limit" or "memory_request" when Quantity.MemoryGigabytes(text) is null => $"'{text}' is not a memory quantity; write e.g. 512Mi or 4Gi.",
        "accelerator_count" when !uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) =>
            $"'{text}' is not an accelerator count; write a whole number such as 1.",
        _ => null,
    };
}

/// <summary>A task's resource setting as written to its executor: a quantity, or a placeholder read at run time.</summary>
internal sealed record ResourceValue(string Text, bool FromChannel);
