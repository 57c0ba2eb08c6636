using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Writes a component's executor: <c>{container: {image, command, args, env, resources}}</c>.</summary>
internal static class ContainerEmitter
{
    public static JsonObject Emit(ComponentDefinition component, ProblemSink problems)
    {
        var container = new JsonObject { ["image"] = component.Image };
        AddList(container, "command", component, component.Command, problems);
        AddList(container, "args", component, component.Args, problems);
        if (!component.Env.IsEmpty)
        {
            container["env"] = new JsonArray([.. component.Env.Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value })]);
        }

        if (component.Resources is { } resources && Resources(resources, Json.Path(component.Path, "resources"), problems) is { Count: > 0 } emitted)
        {
            container["resources"] = emitted;
        }

        return new JsonObject { ["container"] = container };
    }

    private static void AddList(JsonObject container, string key, ComponentDefinition component, IReadOnlyList<string> items, ProblemSink problems)
    {
        if (items.Count == 0)
        {
            return;
        }

        var path = Json.Path(component.Path, key);
        container[key] = new JsonArray([.. items.Select((item, i) =>
            (JsonNode)PlaceholderTranslator.Translate(item, component, message => problems.Add($"{path}[{i}]", message)))]);
    }

    private static JsonObject Resources(ResourcesDefinition resources, string path, ProblemSink problems)
    {
        var result = new JsonObject();
        AddQuantity(result, "cpuLimit", "resourceCpuLimit", resources.CpuLimit, Quantity.Cpu, path, problems);
        AddQuantity(result, "cpuRequest", "resourceCpuRequest", resources.CpuRequest, Quantity.Cpu, path, problems);
        AddQuantity(result, "memoryLimit", "resourceMemoryLimit", resources.MemoryLimit, Quantity.MemoryGigabytes, path, problems);
        AddQuantity(result, "memoryRequest", "resourceMemoryRequest", resources.MemoryRequest, Quantity.MemoryGigabytes, path, problems);
        if (resources.AcceleratorType is { } type)
        {
            var count = resources.AcceleratorCount ?? "1";
            result["accelerator"] = new JsonObject
            {
                ["count"] = count, ["resourceCount"] = count, ["resourceType"] = type, ["type"] = type,
            };
        }

        return result;
    }

    private static void AddQuantity(
        JsonObject result, string legacyKey, string key, string? text, Func<string, double?> parse, string path, ProblemSink problems)
    {
        if (text is null)
        {
            return;
        }

        if (parse(text) is not { } number)
        {
            problems.Add(Json.Path(path, legacyKey), $"'{text}' is not a Kubernetes quantity; write e.g. 500m or 2 for CPU, 512Mi or 4Gi for memory.");
            return;
        }

        result[legacyKey] = number;
        result[key] = text;
    }
}
