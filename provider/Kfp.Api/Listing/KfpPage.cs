namespace Kfp.Api.Listing;

/// <summary>One page of a list call.</summary>
/// <param name="Items">The objects on this page.</param>
/// <param name="TotalSize">Number of objects matching the filter over all pages.</param>
/// <param name="NextPageToken">Pass as <see cref="KfpListOptions.PageToken"/> for the next page; null on the last page.</param>
public sealed record KfpPage<T>(IReadOnlyList<T> Items, int TotalSize, string? NextPageToken);
