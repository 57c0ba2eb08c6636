using System.Collections.Immutable;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Resources;

/// <summary>A version the pipeline holds in KFP, with the hash of its stored spec ("" when it has none).</summary>
internal sealed record LiveVersion(string Id, string Name, string SpecHash, DateTimeOffset? CreatedAt);

/// <summary>
/// What an update does with a pipeline's versions, decided without I/O. KFP's "latest" version (what a run or
/// schedule without <c>pipelineVersionId</c> runs) is the one with the greatest <c>created_at</c>, so after every
/// update the program's spec must be the newest version: it is reused when the newest versions (all those created in
/// the newest second) hold it, whatever their names (an imported pipeline's versions count); otherwise it is uploaded
/// again, under its content-addressed name, or that name with a suffix (<c>v-0123abcd4567-2</c>) when the name is
/// taken by an older version (a rollback). Then the current version and the newest <c>keepVersions</c> older ones this
/// resource made are kept, the rest deleted (oldest first). Versions made by others are never touched.
/// </summary>
/// <param name="VersionName">The name to upload under (when <see cref="ReuseVersionId"/> is null), or of the reused version.</param>
/// <param name="ReuseVersionId">The version that already is the newest and holds the spec; null = upload.</param>
internal sealed record PipelineVersionPlan(string VersionName, string? ReuseVersionId)
{
    /// <summary>Upload a version rather than reuse one.</summary>
    public bool Upload => ReuseVersionId is null;

    /// <summary>
    /// Decides for <paramref name="specHash"/>, named <paramref name="versionName"/> by default.
    /// <paramref name="nameGiven"/>: the user chose the name, so a version of that name with another spec is a conflict.
    /// </summary>
    public static PipelineVersionPlan For(string specHash, string versionName, bool nameGiven, IReadOnlyCollection<LiveVersion> live)
    {
        var newest = Newest(live);
        if (newest.Count > 0 && newest.All(v => v.SpecHash == specHash))
        {
            var reuse = newest.FirstOrDefault(v => v.Name == versionName) ?? newest[^1];
            return new PipelineVersionPlan(reuse.Name, reuse.Id);
        }
        if (nameGiven && live.FirstOrDefault(v => v.Name == versionName) is { } taken && taken.SpecHash != specHash)
        {
            throw new ResourceException(
                $"version '{versionName}' of this pipeline already holds another spec ({Describe(taken.SpecHash)}), and KFP versions cannot change: " +
                "give `versionName` a new value, or omit it to name versions by their spec hash");
        }
        return new PipelineVersionPlan(FreeName(versionName, live), null);
    }

    /// <summary>The versions created in the newest second (KFP's timestamps have whole seconds), in the order given.</summary>
    public static IReadOnlyList<LiveVersion> Newest(IEnumerable<LiveVersion> live)
    {
        var all = live.ToList();
        if (all.Count == 0)
        {
            return [];
        }
        var second = all.Max(v => Second(v.CreatedAt));
        return [.. all.Where(v => Second(v.CreatedAt) == second)];
    }

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

    /// <summary><paramref name="name"/>, or with the first suffix <c>-2</c>, <c>-3</c>, … that no version holds.</summary>
    private static string FreeName(string name, IReadOnlyCollection<LiveVersion> live)
    {
        var taken = live.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(name))
        {
            return name;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{name}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static long Second(DateTimeOffset? at) => at?.ToUnixTimeSeconds() ?? long.MinValue;

    private static string Describe(string hash) => hash.Length > 0 ? hash : "a spec that cannot be read";
}
