using Kfp.Api.Models;

namespace Kfp.Api.Json;

/// <summary>Body of <c>POST /pipelines</c>; <c>name</c> is left out for KFP before 2.14, which does not know it.</summary>
internal sealed record PipelineWire(string? Name, string DisplayName, string? Description, string? Namespace);

internal sealed record ListPipelinesWire(IReadOnlyList<Pipeline>? Pipelines, int TotalSize, string? NextPageToken);

internal sealed record ListPipelineVersionsWire(IReadOnlyList<PipelineVersion>? PipelineVersions, int TotalSize, string? NextPageToken);

internal sealed record ListRunsWire(IReadOnlyList<Run>? Runs, int TotalSize, string? NextPageToken);

internal sealed record ListRecurringRunsWire(
    [property: System.Text.Json.Serialization.JsonPropertyName("recurringRuns")] IReadOnlyList<RecurringRun>? RecurringRuns,
    int TotalSize,
    string? NextPageToken);

