using System.Collections.Immutable;

namespace Kfp.Provider.Resources;

/// <summary>
/// What an update does with a pipeline's versions, decided without I/O: upload the spec's version unless a version
/// of that name exists, then keep the current version and the newest <c>keepVersions</c> older ones this resource
/// made, deleting the rest (oldest first). Versions made by others are never touched.
/// </summary>
internal sealed record PipelineVersionPlan(bool Upload, string VersionName)
{
    /// <summary>Upload <paramref name="versionName"/> unless <paramref name="existingVersionId"/> says it is registered.</summary>
    public static PipelineVersionPlan For(string versionName, string? existingVersionId) => new(existingVersionId is null, versionName);

    /// <summary>
    /// The versions to keep (in the order they were made, the current one added last when new) and to delete,
    /// once <paramref name="currentId"/> holds the spec. With no <paramref name="keep"/>, every version stays.
    /// </summary>
    public static (ImmutableArray<string> Kept, ImmutableArray<string> Delete) Prune(IEnumerable<string> made, string currentId, long? keep)
    {
        var all = made.Contains(currentId, StringComparer.Ordinal) ? [.. made] : made.Append(currentId).ToImmutableArray();
        if (keep is not { } k)
        {
            return (all, []);
        }
        var older = all.Where(v => v != currentId).ToList();
        var delete = older.Take(Math.Max(0, older.Count - (int)Math.Min(k, int.MaxValue))).ToImmutableArray();
        return ([.. all.Where(v => !delete.Contains(v))], delete);
    }
}
