using Kfp.Api.Models;

namespace Kfp.Api.Json;

/// <summary><c>ListExperimentsResponse</c>; an empty list arrives as <c>{}</c>.</summary>
internal sealed record ListExperimentsWire(IReadOnlyList<Experiment>? Experiments, int TotalSize, string? NextPageToken);
