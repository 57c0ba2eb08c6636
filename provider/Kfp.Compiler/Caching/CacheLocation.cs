using Kfp.Compiler.IO;

namespace Kfp.Compiler.Caching;

/// <summary>Where the disk cache lives: the explicit directory, else <c>$XDG_CACHE_HOME/pulumi-kfp</c>, else <c>~/.cache/pulumi-kfp</c>.</summary>
internal static class CacheLocation
{
    public static string? Resolve(string? explicitDirectory, IHostEnvironment host)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }

        if (host.GetVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "pulumi-kfp");
        }

        return host.GetVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache", "pulumi-kfp") : null;
    }
}
