using System.Text;

namespace Kfp.Emulator.Kfp.Execution;

/// <summary>FNV-1a 32-bit, as Argo and the ScheduledWorkflow controller use for generated names.</summary>
internal static class Fnv
{
    public static uint Hash32(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }
}
