namespace Kfp.Compiler.Validation;

/// <summary>Finds dependency cycles among the tasks of one DAG.</summary>
internal static class CycleCheck
{
    public static void Check(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies, string dagPath, ProblemSink problems)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var task in dependencies.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(task, dependencies, state, stack) is { } cycle)
            {
                problems.Add(Json.Path(dagPath, "tasks"),
                    $"the tasks form a cycle ({string.Join(" -> ", cycle)}); remove one of these dependencies.");
                return;
            }
        }
    }

    private static List<string>? Visit(
        string task, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies,
        Dictionary<string, int> state, List<string> stack)
    {
        if (state.TryGetValue(task, out var mark))
        {
            if (mark == 1)
            {
                var start = stack.IndexOf(task);
                return [.. stack.Skip(start), task];
            }

            return null;
        }

        state[task] = 1;
        stack.Add(task);
        foreach (var next in dependencies.GetValueOrDefault(task) ?? [])
        {
            if (Visit(next, dependencies, state, stack) is { } cycle)
            {
                return cycle;
            }
        }

        stack.RemoveAt(stack.Count - 1);
        state[task] = 2;
        return null;
    }
}
