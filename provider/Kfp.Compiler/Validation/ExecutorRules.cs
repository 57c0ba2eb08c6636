using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kfp.Compiler.Validation;

/// <summary>Checks executors and that container placeholders name inputs and outputs of the components using them.</summary>
internal static partial class ExecutorRules
{
    private static readonly string[] Kinds = ["container", "importer", "resolver", "customJob"];

    private static readonly string[] Fields = ["command", "args"];

    public static void Check(SpecIndex index, ProblemSink problems)
    {
        foreach (var (label, executor) in index.Executors)
        {
            if (KindCount(executor) != 1)
            {
                problems.Add(Json.Path("deploymentSpec.executors", label), $"an executor needs exactly one of {string.Join(", ", Kinds)}.");
                continue;
            }

            if (executor["container"] is JsonObject container)
            {
                CheckContainer(index, label, container, problems);
            }
        }
    }

    private static void CheckContainer(SpecIndex index, string label, JsonObject container, ProblemSink problems)
    {
        string Path() => Json.Path("deploymentSpec.executors", label, "container");
        if (string.IsNullOrWhiteSpace(Json.Str(container, "image")))
        {
            problems.Add(Json.Path(Path(), "image"), "the container has no image; set image to a container image reference.");
        }

        var users = index.ComponentsByExecutor[label];
        foreach (var field in Fields)
        {
            if (container[field] is null)
            {
                continue;
            }

            if (container[field] is not JsonArray items || !AllStrings(items))
            {
                problems.Add(Json.Path(Path(), field), $"{field} must be a list of strings.");
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var text = items[i]!.GetValue<string>();
                // Matched without captures (no Match objects); the groups are read back from the match's text.
                foreach (var match in Placeholder().EnumerateMatches(text))
                {
                    CheckPlaceholder(users, text.AsSpan(match.Index, match.Length), label, field, i, problems);
                }
            }
        }
    }

    private static bool AllStrings(JsonArray items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i]?.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private static int KindCount(JsonObject executor)
    {
        var count = 0;
        foreach (var kind in Kinds)
        {
            count += executor.ContainsKey(kind) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Checks one placeholder, <c>{{$.&lt;dir&gt;.&lt;kind&gt;['&lt;name&gt;']…}}</c> as <see cref="Placeholder"/> matched it,
    /// against every component using the executor.
    /// </summary>
    private static void CheckPlaceholder(
        IEnumerable<JsonObject> users, ReadOnlySpan<char> placeholder, string label, string field, int item, ProblemSink problems)
    {
        var rest = placeholder["{{$.".Length..];
        var direction = rest.StartsWith("inputs.") ? "inputs" : "outputs";
        rest = rest[(direction.Length + 1)..];
        var kind = rest.StartsWith("parameters[") ? "parameters" : "artifacts";
        rest = rest[(kind.Length + "['".Length)..];
        var name = rest[..rest.IndexOf('\'')].ToString();
        var section = direction == "inputs" ? "inputDefinitions" : "outputDefinitions";
        foreach (var component in users)
        {
            if (Json.Obj(Json.Obj(component, section), kind)?.ContainsKey(name) != true)
            {
                problems.Add($"{Json.Path("deploymentSpec.executors", label, "container", field)}[{item}]",
                    $"placeholder {placeholder} names {direction[..^1]} {kind[..^1]} '{name}', which the component does not declare; declare it in {section}.{kind} or fix the name.");
                return;
            }
        }
    }

    [GeneratedRegex(@"\{\{\$\.(?<dir>inputs|outputs)\.(?<kind>parameters|artifacts)\['(?<name>[^']+)'\][^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
