using Kfp.Compiler.Compilation;

namespace Kfp.Compiler.Caching;

/// <summary>
/// Collects, once, the garbage an uncached compile of a big spec leaves. Such a compile builds the spec's nodes (about ten
/// times the spec's size), which live long enough for the collector to promote them to its oldest generation; once the
/// result is kept as bytes they are garbage there, and nothing collects that generation until its budget runs out, so
/// the next big allocations (the Check's view of the spec, a second spec) came on top of them. A blocking collection at
/// that moment costs a few milliseconds for a heap of this size, against hundreds for the compile itself.
/// </summary>
internal static class CompileGarbage
{
    /// <summary>The canonical size from which a compile is big enough to collect after (about 2.5 MB of nodes).</summary>
    public const int CollectFromBytes = 256 * 1024;

    /// <summary>Collects when <paramref name="compiled"/> came from a compile big enough; true when it did.</summary>
    public static bool AfterCompile(CompileArtifact compiled)
    {
        if (compiled.CanonicalLength < CollectFromBytes)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return true;
    }
}
