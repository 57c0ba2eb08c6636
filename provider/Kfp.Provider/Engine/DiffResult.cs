using System.Collections.Immutable;

namespace Kfp.Provider.Engine;

/// <summary>One changed property: its kind, and whether the change is in the inputs (false: drift).</summary>
internal sealed record PropertyChange(DiffKind Kind, bool InputDiff);

/// <summary>What Diff decided: per-property changes keyed by property path, and how to replace.</summary>
internal sealed record DiffResult(ImmutableSortedDictionary<string, PropertyChange> Changes, bool DeleteBeforeReplace)
{
    public static DiffResult None { get; } = new(ImmutableSortedDictionary<string, PropertyChange>.Empty, false);

    public bool HasChanges => !Changes.IsEmpty;

    public IEnumerable<string> Replaces => Changes
        .Where(c => c.Value.Kind is DiffKind.AddReplace or DiffKind.DeleteReplace or DiffKind.UpdateReplace)
        .Select(c => c.Key);

    public bool IsReplace => Replaces.Any();
}
