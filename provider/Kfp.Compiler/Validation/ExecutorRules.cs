using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Validation;

/// <summary>Checks executors and that container placeholders name inputs and outputs of the components using them.</summary>
internal static partial class ExecutorRules
{
    private static readonly string[] Kinds = ["container", "importer", "resolver", "customJob"];

    public static void Check(SpecIndex index, ProblemSink problems)
    {
        foreach (var (label, executor) in index.Executors)
        {
            var path = Json.Path("deploymentSpec.executors", label);
            var kinds = Kinds.Where(executor.ContainsKey).ToList();
            if (kinds.Count != 1)
            {
                problems.Add(path, $"an executor needs exactly one of {string.Join(", ", Kinds)}.");
                continue;
            }

            if (kinds[0] == "container" && executor["container"] is JsonObject container)
            {
                CheckContainer(index, label, container, Json.Path(path, "container"), problems);
            }
        }
    }

    private static void CheckContainer(SpecIndex index, string label, JsonObject container, string path, ProblemSink problems)
    {
        if (string.IsNullOrWhiteSpace(Json.Str(container, "image")))
        {
            problems.Add(Json.Path(path, "image"), "the container has no image; set image to a container image reference.");
        }

        var users = index.ComponentsByExecutor[label].ToList();
        foreach (var field in new[] { "command", "args" })
        {
            if (container[field] is null)
            {
                continue;
            }

            if (container[field] is not JsonArray items || items.Any(i => i?.GetValueKind() != JsonValueKind.String))
            {
                problems.Add(Json.Path(path, field), $"{field} must be a list of strings.");
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                foreach (Match match in Placeholder().Matches(items[i]!.GetValue<string>()))
                {
                    CheckPlaceholder(users, match, $"{Json.Path(path, field)}[{i}]", problems);
                }
            }
        }
    }

    private static void CheckPlaceholder(List<JsonObject> users, Match match, string path, ProblemSink problems)
    {
        var direction = match.Groups["dir"].Value;
        var kind = match.Groups["kind"].Value;
        var name = match.Groups["name"].Value;
        foreach (var component in users)
        {
            var section = direction == "inputs" ? "inputDefinitions" : "outputDefinitions";
            if (Json.Obj(Json.Obj(component, section), kind)?.ContainsKey(name) != true)
            {
                problems.Add(path, $"placeholder {match.Value} names {direction[..^1]} {kind[..^1]} '{name}', which the component does not declare; declare it in {section}.{kind} or fix the name.");
                return;
            }
        }
    }

    [GeneratedRegex(@"\{\{\$\.(?<dir>inputs|outputs)\.(?<kind>parameters|artifacts)\['(?<name>[^']+)'\][^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
