using Kfp.Compiler.IO;

namespace Kfp.Compiler.Frameworks.Executors;

/// <summary>Finds the container engine: the configured program, else <c>docker</c>, else <c>podman</c> on PATH.</summary>
internal static class ContainerEngine
{
    public static readonly IReadOnlyList<string> Candidates = ["docker", "podman"];

    public static string? Find(IHostEnvironment host, string? configured)
    {
        if (configured is not null && Path.IsPathRooted(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var directories = (host.GetVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return (configured is null ? Candidates : [configured])
            .SelectMany(name => directories.Select(d => Path.Combine(d, name)))
            .FirstOrDefault(File.Exists);
    }
}
