using System.Globalization;

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
    public const int DefaultMaxParts = 20_000;

    /// <summary>Most bytes one compile may allocate on its thread (loading and compiling a 32 MiB spec stays far below).</summary>
    public const long DefaultMaxAllocatedBytes = 1L << 30;

    private readonly long _startBytes = GC.GetAllocatedBytesForCurrentThread();
    private long _parts;

    public int MaxParts { get; init; } = DefaultMaxParts;

    public long MaxAllocatedBytes { get; init; } = DefaultMaxAllocatedBytes;

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
