namespace Kfp.Kube.Models;

/// <summary>meta/v1 ListMeta.</summary>
public sealed record ListMeta
{
    public string? ResourceVersion { get; init; }

    /// <summary>Pass to <c>ListOptions.Continue</c> to read the next page; null on the last page.</summary>
    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
