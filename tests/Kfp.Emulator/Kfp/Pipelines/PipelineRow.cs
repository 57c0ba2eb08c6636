using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>A stored pipeline.</summary>
public sealed record PipelineRow
{
    public static readonly IReadOnlyCollection<string> Fields =
        ["pipeline_id", "name", "display_name", "created_at", "description", "namespace", "id"];

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public string Namespace { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    internal FieldValue Field(string name) => name switch
    {
        "pipeline_id" or "id" => FieldValue.Of(Id),
        "name" => FieldValue.Of(Name),
        "display_name" => FieldValue.Of(DisplayName),
        "created_at" => FieldValue.Of(CreatedAt),
        "description" => FieldValue.Of(Description),
        "namespace" => FieldValue.Of(Namespace),
        _ when name.StartsWith("tags.", StringComparison.Ordinal) => FieldValue.Of(Tags?.GetValueOrDefault(name[5..])),
        _ => FieldValue.Of(""),
    };

    internal JsonObject ToJson(ServerSettings settings) => new JsonOut()
        .Str("pipeline_id", Id)
        .Str("display_name", DisplayName)
        .Str("name", settings.HasNames ? Name : null)
        .Str("description", Description)
        .Time("created_at", CreatedAt)
        .Str("namespace", Namespace)
        .Map("tags", settings.HasTags ? Tags : null)
        .Object;
}
