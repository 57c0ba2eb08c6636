using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// What one definition compile may build, checked while it builds: the components and executors it emits (a nested
/// pipeline's are copied into every pipeline that uses it, so a short file of pipelines that each use the next twice
/// asks for millions) and the bytes this thread allocates. The input bounds of the YAML loader cannot see this growth:
/// it needs no aliases. Past either limit the compile stops with <see cref="BuildBudgetExceededException"/>.
/// </summary>
internal sealed class BuildBudget
{
    /// <summary>Most components plus executors one compile may emit (the largest real pipelines have a few hundred).</summary>
    public const int DefaultMaxParts = 10_000;

    /// <summary>Most bytes one compile may allocate on its thread (loading and compiling a 32 MiB spec stays far below).</summary>
    public const long DefaultMaxAllocatedBytes = 1L << 30;

    /// <summary>Most text the compiled spec may hold (KFP's own upload limit is 32 MiB).</summary>
    public const long DefaultMaxOutputChars = 32L * 1024 * 1024;

    private readonly long _startBytes = GC.GetAllocatedBytesForCurrentThread();
    private long _parts;

    public int MaxParts { get; init; } = DefaultMaxParts;

    public long MaxAllocatedBytes { get; init; } = DefaultMaxAllocatedBytes;

    public long MaxOutputChars { get; init; } = DefaultMaxOutputChars;

    /// <summary>
    /// Checks the text <paramref name="spec"/> would serialise to (every name and string counted, shared copies too) before it
    /// is hashed or written: copies of one large component share their strings in memory, not in the spec's text.
    /// </summary>
    /// <exception cref="BuildBudgetExceededException">The spec would hold more than <see cref="MaxOutputChars"/>.</exception>
    public void CheckOutput(JsonNode spec, string path)
    {
        long chars = 0;
        var pending = new Stack<JsonNode?>([spec]);
        while (pending.TryPop(out var node) && chars <= MaxOutputChars)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        chars += name.Length + 4;
                        pending.Push(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        chars += 2;
                        pending.Push(child);
                    }
                    break;
                case JsonValue value:
                    chars += value.TryGetValue<string>(out var text) ? text.Length + 2 : 8;
                    break;
            }
        }
        if (chars > MaxOutputChars)
        {
            throw new BuildBudgetExceededException(path,
                $"the compiled spec would hold more than {MaxOutputChars / (1024 * 1024)} MiB of text (the limit of one compile; KFP accepts at most 32 MiB); " +
                "a nested pipeline's components are copied into every pipeline that uses it: use large components or nested pipelines fewer times.");
        }
    }

    /// <summary>Counts <paramref name="parts"/> more components and executors built at <paramref name="path"/>, then checks both limits.</summary>
    /// <exception cref="BuildBudgetExceededException">A limit is passed.</exception>
    public void Charge(long parts, string path)
    {
        _parts += parts;
        if (_parts > MaxParts)
        {
            throw new BuildBudgetExceededException(path,
                $"the pipeline would build more than {MaxParts.ToString("N0", CultureInfo.InvariantCulture)} components and executors (the limit of one compile; " +
                "a nested pipeline's components are copied into every pipeline that uses it); use nested pipelines fewer times, or flatten them.");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - _startBytes;
        if (allocated > MaxAllocatedBytes)
        {
            throw new BuildBudgetExceededException(path,
                $"the compile allocated more than {MaxAllocatedBytes / (1024 * 1024)} MiB (the memory limit of one compile) and was stopped; make the pipeline smaller or split it.");
        }
    }
}

/// <summary>A compile passed a limit of its <see cref="BuildBudget"/>; <see cref="Path"/> is where in the definition.</summary>
internal sealed class BuildBudgetExceededException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
