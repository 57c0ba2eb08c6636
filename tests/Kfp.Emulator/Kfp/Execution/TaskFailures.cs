namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// Which tasks fail: rules from <c>--fail-task</c> and <c>POST /_emulator/fail-tasks</c>. A rule matches a task's
/// name, its component's name, its image, or its image's repository (the image without tag or digest). Rules apply
/// to runs created after they are added.
/// </summary>
public sealed class TaskFailures
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _rules = new(StringComparer.Ordinal);

    public TaskFailures(IEnumerable<string> rules) => _rules.UnionWith(rules.Where(r => r.Length > 0));

    public IReadOnlyList<string> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public void Add(string rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The first rule that matches, or null.</summary>
    public string? Match(string task, string component, string image)
    {
        var repository = Repository(image);
        lock (_gate)
        {
            return _rules.FirstOrDefault(r => r == task || r == component || (image.Length > 0 && (r == image || r == repository)));
        }
    }

    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}
