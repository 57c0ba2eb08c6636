namespace Kfp.Compiler.IO;

/// <summary>The real environment; the user and group come from <c>/proc/self/status</c> (Linux).</summary>
internal sealed class SystemHostEnvironment : IHostEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? UserAndGroup()
    {
        try
        {
            var lines = File.ReadAllLines("/proc/self/status");
            return Effective(lines, "Uid:") is { } uid && Effective(lines, "Gid:") is { } gid ? $"{uid}:{gid}" : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The effective id: the second number on the line (real, effective, saved, filesystem).</summary>
    private static string? Effective(string[] lines, string prefix) =>
        lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?
            .Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2);
}
