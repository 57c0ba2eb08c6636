using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Reads a task's <c>resources</c>: the component's keys (<c>cpuLimit</c>, <c>cpuRequest</c>, <c>memoryLimit</c>,
/// <c>memoryRequest</c>, <c>accelerator: {type, count}</c>), each a constant or <c>{parameter}</c> /
/// <c>{task, output}</c>, like <c>task.set_cpu_limit(...)</c> in the KFP SDK.
/// </summary>
internal static class TaskResourcesParser
{
    private static readonly (string Key, string Field)[] Fields =
    [
        ("cpuRequest", "cpu_request"), ("cpuLimit", "cpu_limit"), ("memoryRequest", "memory_request"), ("memoryLimit", "memory_limit"),
    ];

    public static ImmutableArray<TaskResource> Parse(Reader reader, JsonObject task, string taskPath)
    {
        if (reader.Mapping(task, "resources", taskPath) is not { } resources)
        {
            return [];
        }

        var path = Json.Path(taskPath, "resources");
        reader.CheckKeys(resources, path, "cpuLimit", "cpuRequest", "memoryLimit", "memoryRequest", "accelerator");
        var result = ImmutableArray.CreateBuilder<TaskResource>();
        foreach (var (key, field) in Fields)
        {
            Add(reader, resources, key, field, path, result);
        }

        if (reader.Mapping(resources, "accelerator", path) is { } accelerator)
        {
            var acceleratorPath = Json.Path(path, "accelerator");
            reader.CheckKeys(accelerator, acceleratorPath, "type", "count");
            if (!accelerator.ContainsKey("type"))
            {
                reader.Add(Json.Path(acceleratorPath, "type"), "'type' is required, e.g. nvidia.com/gpu or {parameter: name}.");
            }

            Add(reader, accelerator, "type", "accelerator_type", acceleratorPath, result);
            if (!Add(reader, accelerator, "count", "accelerator_count", acceleratorPath, result))
            {
                result.Add(new TaskResource("accelerator_count", new ConstantRef("1", acceleratorPath)));
            }
        }

        return result.ToImmutable();
    }

    private static bool Add(Reader reader, JsonObject owner, string key, string field, string path, ImmutableArray<TaskResource>.Builder result)
    {
        if (owner[key] is not { } node)
        {
            return false;
        }

        var valuePath = Json.Path(path, key);
        var value = ValueParser.Parse(reader, node, valuePath);
        switch (value)
        {
            case ConstantRef { Value: JsonValue constant } when constant.GetValueKind() is JsonValueKind.String or JsonValueKind.Number:
                result.Add(new TaskResource(field, new ConstantRef(constant.GetValueKind() == JsonValueKind.String ? constant.GetValue<string>() : constant.ToJsonString(), valuePath)));
                return true;
            case ParameterRef or TaskOutputRef:
                result.Add(new TaskResource(field, value));
                return true;
            default:
                reader.Add(valuePath, $"'{key}' must be a quantity (e.g. 500m, 4Gi), {{parameter: name}} or {{task: name, output: key}}.");
                return true;
        }
    }
}
