using Kfp.Api.Filtering;

namespace Kfp.Api.Listing;

/// <summary>Query of a list call. All optional; the server defaults to 20 per page ordered by creation.</summary>
public sealed record KfpListOptions
{
    /// <summary>1..200 (the server clamps larger values to 200).</summary>
    public int? PageSize { get; init; }

    public string? PageToken { get; init; }

    public KfpSort? SortBy { get; init; }

    public KfpFilter? Filter { get; init; }

    /// <summary>Profile namespace; null uses <see cref="KfpClientOptions.Namespace"/>.</summary>
    public string? Namespace { get; init; }
}
