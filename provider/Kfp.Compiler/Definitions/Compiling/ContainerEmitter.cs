using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Writes a component's executor: <c>{container: {image, command, args, env, resources}}</c>.</summary>
internal static class ContainerEmitter
{
    public static JsonObject Emit(ComponentDefinition component, IReadOnlyDictionary<string, ResourceValue> taskResources, ProblemSink problems)
    {
        var container = new JsonObject { ["image"] = component.Image };
        AddList(container, "command", component, component.Command, problems);
        AddList(container, "args", component, component.Args, problems);
        if (!component.Env.IsEmpty)
        {
            container["env"] = new JsonArray([.. component.Env.Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value })]);
        }

        var resources = Merge(component.Resources, taskResources);
        if (resources.Count > 0 && Resources(resources, Json.Path(component.Path, "resources"), problems) is { Count: > 0 } emitted)
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

    /// <summary>The component's resources by KFP field name, overridden by the task's own.</summary>
    private static Dictionary<string, ResourceValue> Merge(ResourcesDefinition? component, IReadOnlyDictionary<string, ResourceValue> task)
    {
        var result = new Dictionary<string, ResourceValue>(StringComparer.Ordinal);
        void Add(string field, string? text)
        {
            if (text is not null)
            {
                result[field] = new ResourceValue(text, FromChannel: false);
            }
        }

        Add("cpu_limit", component?.CpuLimit);
        Add("cpu_request", component?.CpuRequest);
        Add("memory_limit", component?.MemoryLimit);
        Add("memory_request", component?.MemoryRequest);
        Add("accelerator_type", component?.AcceleratorType);
        Add("accelerator_count", component?.AcceleratorType is null ? null : component.AcceleratorCount ?? "1");
        foreach (var (field, value) in task)
        {
            result[field] = value;
        }

        return result;
    }

    private static JsonObject Resources(Dictionary<string, ResourceValue> resources, string path, ProblemSink problems)
    {
        var result = new JsonObject();
        AddQuantity(result, "cpuLimit", "resourceCpuLimit", resources.GetValueOrDefault("cpu_limit"), Quantity.Cpu, path, problems);
        AddQuantity(result, "cpuRequest", "resourceCpuRequest", resources.GetValueOrDefault("cpu_request"), Quantity.Cpu, path, problems);
        AddQuantity(result, "memoryLimit", "resourceMemoryLimit", resources.GetValueOrDefault("memory_limit"), Quantity.MemoryGigabytes, path, problems);
        AddQuantity(result, "memoryRequest", "resourceMemoryRequest", resources.GetValueOrDefault("memory_request"), Quantity.MemoryGigabytes, path, problems);
        if (resources.GetValueOrDefault("accelerator_type") is { } type)
        {
            var count = resources.GetValueOrDefault("accelerator_count") ?? new ResourceValue("1", FromChannel: false);
            var accelerator = new JsonObject { ["resourceCount"] = count.Text, ["resourceType"] = type.Text };
            if (!count.FromChannel)
            {
                accelerator["count"] = count.Text;
            }

            if (!type.FromChannel)
            {
                accelerator["type"] = type.Text;
            }

            result["accelerator"] = accelerator;
        }

        return result;
    }

    private static void AddQuantity(
        JsonObject result, string legacyKey, string key, ResourceValue? value, Func<string, double?> parse, string path, ProblemSink problems)
    {
        if (value is null)
        {
            return;
        }

        var text = value.Text;
        if (value.FromChannel)
        {
            result[key] = text;
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
