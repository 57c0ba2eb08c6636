using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>A <see cref="DiffResult"/> on the wire, with the documented invariants: <c>changes</c> always set,
/// <c>diffs</c> the top-level keys of <c>detailedDiff</c>, no duplicates.</summary>
internal static class WireDiff
{
    public static DiffResponse ToResponse(DiffResult result)
    {
        var response = new DiffResponse
        {
            Changes = result.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            HasDetailedDiff = true,
            DeleteBeforeReplace = result.DeleteBeforeReplace,
        };
        foreach (var (path, change) in result.Changes)
        {
            response.DetailedDiff[path] = new PropertyDiff { Kind = Kind(change.Kind), InputDiff = change.InputDiff };
        }
        response.Diffs.AddRange(result.Changes.Keys.Select(TopLevel).Distinct(StringComparer.Ordinal));
        response.Replaces.AddRange(result.Replaces.Select(TopLevel).Distinct(StringComparer.Ordinal));
        return response;
    }

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static PropertyDiff.Types.Kind Kind(DiffKind kind) => kind switch
    {
        DiffKind.Add => PropertyDiff.Types.Kind.Add,
        DiffKind.AddReplace => PropertyDiff.Types.Kind.AddReplace,
        DiffKind.Delete => PropertyDiff.Types.Kind.Delete,
        DiffKind.DeleteReplace => PropertyDiff.Types.Kind.DeleteReplace,
        DiffKind.Update => PropertyDiff.Types.Kind.Update,
        _ => PropertyDiff.Types.Kind.UpdateReplace,
    };
}
