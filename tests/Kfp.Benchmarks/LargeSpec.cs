using System.Text.Json.Nodes;
using Kfp.Compiler;

namespace Kfp.Benchmarks;

/// <summary>A generated, valid KFP IR pipeline of about 1 MB: a chain of container tasks, each with its component and executor.</summary>
internal static class LargeSpec
{
    public static IrDocument Generate(int tasks = 1600)
    {
        var components = new JsonObject();
        var executors = new JsonObject();
        var dag = new JsonObject();
        for (var i = 0; i < tasks; i++)
        {
            components[$"comp-step-{i}"] = new JsonObject
            {
                ["executorLabel"] = $"exec-step-{i}",
                ["inputDefinitions"] = new JsonObject { ["parameters"] = new JsonObject { ["message"] = new JsonObject { ["parameterType"] = "STRING" } } },
            };
            executors[$"exec-step-{i}"] = new JsonObject
            {
                ["container"] = new JsonObject
                {
                    ["image"] = $"registry.example/team/step:{i % 7}",
                    ["command"] = new JsonArray("sh", "-c"),
                    ["args"] = new JsonArray($"echo step {i} of a generated pipeline used to measure compile time; {{{{$.inputs.parameters['message']}}}}"),
                },
            };
            var task = new JsonObject
            {
                ["componentRef"] = new JsonObject { ["name"] = $"comp-step-{i}" },
                ["inputs"] = new JsonObject
                {
                    ["parameters"] = new JsonObject { ["message"] = new JsonObject { ["runtimeValue"] = new JsonObject { ["constant"] = $"message {i}" } } },
                },
                ["taskInfo"] = new JsonObject { ["name"] = $"step-{i}" },
            };
            if (i > 0)
            {
                task["dependentTasks"] = new JsonArray($"step-{i - 1}");
            }

            dag[$"step-{i}"] = task;
        }

        var spec = new JsonObject
        {
            ["components"] = components,
            ["deploymentSpec"] = new JsonObject { ["executors"] = executors },
            ["pipelineInfo"] = new JsonObject { ["name"] = "large-generated" },
            ["root"] = new JsonObject { ["dag"] = new JsonObject { ["tasks"] = dag } },
            ["schemaVersion"] = "2.1.0",
            ["sdkVersion"] = "kfp-2.9.0",
        };
        return new IrDocument(spec, null);
    }
}
