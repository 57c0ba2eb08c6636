using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Copies a nested pipeline's components and executors into the parent's, renaming those whose names
/// are taken (<c>comp-print-op1</c> → <c>comp-print-op1-2</c>) and fixing the references to them.
/// </summary>
internal static class SubPipelineMerger
{
    public static JsonObject Merge(CompiledGraph sub, JsonObject components, JsonObject executors)
    {
        var executorNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, executor) in sub.Executors)
        {
            var name = NameAllocator.MakeUnique(label, executors.Select(p => p.Key).ToList());
            executorNames[label] = name;
            executors[name] = executor!.DeepClone();
        }

        var componentNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<JsonObject>();
        foreach (var (key, component) in sub.Components)
        {
            var name = NameAllocator.MakeUnique(key, components.Select(p => p.Key).ToList());
            componentNames[key] = name;
            var copy = (JsonObject)component!.DeepClone();
            components[name] = copy;
            added.Add(copy);
        }

        var root = (JsonObject)sub.Root.DeepClone();
        foreach (var component in added.Append(root))
        {
            if (component["executorLabel"]?.GetValue<string>() is { } label && executorNames.TryGetValue(label, out var newLabel))
            {
                component["executorLabel"] = newLabel;
            }

            foreach (var (_, task) in component["dag"]?["tasks"] as JsonObject ?? [])
            {
                if (task?["componentRef"] is JsonObject reference && componentNames.TryGetValue(reference["name"]!.GetValue<string>(), out var newName))
                {
                    reference["name"] = newName;
                }
            }
        }

        return root;
    }
}
