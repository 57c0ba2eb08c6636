using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>
/// Reads a task's <c>createPvc: {size, accessModes, name | nameSuffix, storageClass, volumeName, annotations, dataSource}</c>
/// or <c>deletePvc: {pvc}</c> into arguments of the built-in <c>createpvc</c> / <c>deletepvc</c> components
/// (kfp-kubernetes' <c>CreatePVC</c> / <c>DeletePVC</c>). Each value is a constant, <c>{parameter}</c> or <c>{task, output}</c>.
/// </summary>
internal static class PvcTaskParser
{
    private static readonly (string Key, string Input)[] CreateFields =
    [
        ("size", "size"), ("accessModes", "access_modes"), ("name", "pvc_name"), ("nameSuffix", "pvc_name_suffix"),
        ("storageClass", "storage_class_name"), ("volumeName", "volume_name"), ("annotations", "annotations"), ("dataSource", "data_source"),
    ];

    private static readonly string[] RequiredCreateKeys = ["size", "accessModes"];

    private static readonly string[] ReferenceKeys = ["value", "parameter", "task", "template", "oneOf", "loopItem"];

    /// <summary>The built-in component's name and the task's arguments, or null when the task is neither.</summary>
    public static (string Component, ImmutableArray<KeyValuePair<string, ValueRef>> Arguments)? Parse(Reader reader, JsonObject task, string taskPath)
    {
        if (reader.Mapping(task, "createPvc", taskPath) is { } create)
        {
            var path = Json.Path(taskPath, "createPvc");
            reader.CheckKeys(create, path, [.. CreateFields.Select(f => f.Key)]);
            foreach (var required in RequiredCreateKeys.Where(k => !create.ContainsKey(k)))
            {
                reader.Add(Json.Path(path, required), $"'{required}' is required, e.g. size: 5Gi, accessModes: [ReadWriteOnce].");
            }

            if (create.ContainsKey("name") && create.ContainsKey("nameSuffix"))
            {
                reader.Add(Json.Path(path, "nameSuffix"), "give either 'name' (the claim's name) or 'nameSuffix' (a suffix to the run's name), not both.");
            }

            var arguments = ImmutableArray.CreateBuilder<KeyValuePair<string, ValueRef>>();
            foreach (var (key, input) in CreateFields.Where(f => create.ContainsKey(f.Key)))
            {
                arguments.Add(KeyValuePair.Create(input, Value(reader, create[key], Json.Path(path, key))));
            }

            return (BuiltInComponents.CreatePvc, arguments.ToImmutable());
        }

        if (reader.Mapping(task, "deletePvc", taskPath) is { } delete)
        {
            var path = Json.Path(taskPath, "deletePvc");
            reader.CheckKeys(delete, path, "pvc");
            if (!delete.ContainsKey("pvc"))
            {
                reader.Add(Json.Path(path, "pvc"), "'pvc' is required: the claim's name, or {task: createpvc, output: name}.");
                return (BuiltInComponents.DeletePvc, []);
            }

            return (BuiltInComponents.DeletePvc, [KeyValuePair.Create("pvc_name", ValueParser.Parse(reader, delete["pvc"], Json.Path(path, "pvc")))]);
        }

        return null;
    }

    /// <summary>A mapping such as <c>dataSource: {apiGroup, kind, name}</c> is a constant unless it is a reference.</summary>
    private static ValueRef Value(Reader reader, JsonNode? node, string path) =>
        node is JsonObject obj && !ReferenceKeys.Any(obj.ContainsKey)
            ? new ConstantRef(obj.DeepClone(), path)
            : ValueParser.Parse(reader, node, path);
}
