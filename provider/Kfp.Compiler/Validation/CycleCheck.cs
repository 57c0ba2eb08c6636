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

    /// <summary>
    /// Depth-first from <paramref name="root"/>, in the order the dependencies are listed, with an explicit stack: a
    /// chain of thousands of tasks must not overflow the thread's stack. Returns the first cycle met, closed by its start.
    /// </summary>
    private static List<string>? Visit(
        string root, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies,
        Dictionary<string, int> state, List<string> stack)
    {
        if (state.ContainsKey(root))
        {
            return null;
        }

        var frames = new Stack<(string Task, int Next)>();
        state[root] = 1;
        stack.Add(root);
        frames.Push((root, 0));
        while (frames.Count > 0)
        {
            var (task, next) = frames.Pop();
            var edges = dependencies.GetValueOrDefault(task) ?? [];
            if (next == edges.Count)
            {
                stack.RemoveAt(stack.Count - 1);
                state[task] = 2;
                continue;
            }

            frames.Push((task, next + 1));
            var child = edges[next];
            if (state.TryGetValue(child, out var mark))
            {
                if (mark == 1)
                {
                    return [.. stack.Skip(stack.IndexOf(child)), child];
                }

                continue;
            }

            state[child] = 1;
            stack.Add(child);
            frames.Push((child, 0));
        }

        return null;
    }
}
