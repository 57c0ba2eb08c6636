using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;

namespace Kfp.Emulator.Kfp.Experiments;

/// <summary>A stored experiment.</summary>
public sealed record ExperimentRow
{
    public const string Available = "AVAILABLE";
    public const string Archived = "ARCHIVED";

    public static readonly IReadOnlyCollection<string> Fields =
        ["experiment_id", "display_name", "created_at", "last_run_created_at", "description", "namespace", "storage_state"];

    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public string Namespace { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public string StorageState { get; init; } = Available;

    public DateTimeOffset? LastRunCreatedAt { get; init; }

    internal FieldValue Field(string name) => name switch
    {
        "experiment_id" or "id" => FieldValue.Of(Id),
        "display_name" => FieldValue.Of(DisplayName),
        "created_at" => FieldValue.Of(CreatedAt),
        "last_run_created_at" => FieldValue.Of(LastRunCreatedAt),
        "description" => FieldValue.Of(Description),
        "namespace" => FieldValue.Of(Namespace),
        "storage_state" => FieldValue.Of(StorageState),
        _ => FieldValue.Of(""),
    };

    internal JsonObject ToJson() => new JsonOut()
        .Str("experiment_id", Id)
        .Str("display_name", DisplayName)
        .Str("description", Description)
        .Time("created_at", CreatedAt)
        .Str("namespace", Namespace)
        .Str("storage_state", StorageState)
        .Time("last_run_created_at", LastRunCreatedAt)
        .Object;
}
