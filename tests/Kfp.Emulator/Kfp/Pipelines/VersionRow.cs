using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>A stored pipeline version; <see cref="Spec"/> is the JSON GET returns as <c>pipeline_spec</c>.</summary>
public sealed record VersionRow
{
    public static readonly IReadOnlyCollection<string> Fields =
        ["pipeline_version_id", "name", "display_name", "created_at", "status", "description", "pipeline_spec", "id"];

    public required string Id { get; init; }

    public required string PipelineId { get; init; }

    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Insertion order: breaks created_at ties (whole seconds) when picking the latest version.</summary>
    public long Sequence { get; init; }

    public string PackageUrl { get; init; } = "";

    public required string Spec { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>The PipelineSpec itself (unwrapped when a platform spec was uploaded with it).</summary>
    internal JsonObject PipelineSpec()
    {
        var spec = (JsonObject)JsonNode.Parse(Spec)!;
        return spec["pipeline_spec"] is JsonObject inner ? inner : spec;
    }

    internal FieldValue Field(string name) => name switch
    {
        "pipeline_version_id" or "id" => FieldValue.Of(Id),
        "name" => FieldValue.Of(Name),
        "display_name" => FieldValue.Of(DisplayName),
        "created_at" => FieldValue.Of(CreatedAt),
        "description" => FieldValue.Of(Description),
        "status" => FieldValue.Of("READY"),
        "pipeline_spec" => FieldValue.Of(Spec),
        _ when name.StartsWith("tags.", StringComparison.Ordinal) => FieldValue.Of(Tags?.GetValueOrDefault(name[5..])),
        _ => FieldValue.Of(""),
    };

    internal JsonObject ToJson(ServerSettings settings)
    {
        var json = new JsonOut()
            .Str("pipeline_id", PipelineId)
            .Str("pipeline_version_id", Id)
            .Str("display_name", DisplayName)
            .Str("name", settings.HasNames ? Name : null)
            .Str("description", Description)
            .Time("created_at", CreatedAt);
        if (PackageUrl.Length > 0)
        {
            json.Node("package_url", new JsonObject { ["pipeline_url"] = PackageUrl });
        }
        return json.Node("pipeline_spec", JsonNode.Parse(Spec)).Map("tags", settings.HasTags ? Tags : null).Object;
    }
}
