using System.Text;

namespace Kfp.Emulator.Kube.Workloads;

/// <summary>The captured output (stdout and stderr, in arrival order) of every pod the emulator ran.</summary>
internal sealed class PodLogs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StringBuilder> _logs = new(StringComparer.Ordinal);

    public void Append(string ns, string pod, string line)
    {
        lock (_gate)
        {
            if (!_logs.TryGetValue(Key(ns, pod), out var log))
            {
                log = new StringBuilder();
                _logs[Key(ns, pod)] = log;
            }
            log.Append(line).Append('\n');
        }
    }

    /// <summary>The log, or its last <paramref name="tailLines"/> lines; empty when the pod printed nothing.</summary>
    public string Read(string ns, string pod, int? tailLines)
    {
        string text;
        lock (_gate)
        {
            text = _logs.TryGetValue(Key(ns, pod), out var log) ? log.ToString() : "";
        }
        if (tailLines is not { } tail)
        {
            return text;
        }
        var lines = text.Split('\n');
        var count = lines.Length - 1;
        return tail >= count ? text : string.Join('\n', lines[(count - tail)..]);
    }

    public void Remove(string ns, string pod)
    {
        lock (_gate)
        {
            _logs.Remove(Key(ns, pod));
        }
    }

    private static string Key(string ns, string pod) => $"{ns}/{pod}";
}
