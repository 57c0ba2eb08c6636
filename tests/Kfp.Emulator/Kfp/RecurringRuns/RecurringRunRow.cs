using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>A stored recurring run. <see cref="Trigger"/> is the trigger JSON as returned.</summary>
public sealed record RecurringRunRow
{
    public static readonly IReadOnlyCollection<string> Fields =
        ["recurring_run_id", "display_name", "created_at", "updated_at", "description", "id"];

    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public string PipelineId { get; init; } = "";

    /// <summary>Empty when the schedule follows the pipeline's latest version.</summary>
    public string PipelineVersionId { get; init; } = "";

    public string? InlineSpec { get; init; }

    public string? RuntimeConfig { get; init; }

    public string ServiceAccount { get; init; } = "";

    public long MaxConcurrency { get; init; }

    public required string Trigger { get; init; }

    public bool Enabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool NoCatchup { get; init; }

    public string Namespace { get; init; } = "";

    public required string ExperimentId { get; init; }

    /// <summary>Since when the schedule is enabled (creation or the last enable); slots missed before it are caught up or skipped.</summary>
    public DateTimeOffset? EnabledAt { get; init; }

    /// <summary>The slot of the last run this schedule created; null before the first.</summary>
    public DateTimeOffset? LastTriggeredAt { get; init; }

    /// <summary>How many runs this schedule created (the index in their names).</summary>
    public long TriggerCount { get; init; }

    internal FieldValue Field(string name) => name switch
    {
        "recurring_run_id" or "id" => FieldValue.Of(Id),
        "display_name" => FieldValue.Of(DisplayName),
        "created_at" => FieldValue.Of(CreatedAt),
        "updated_at" => FieldValue.Of(UpdatedAt),
        "description" => FieldValue.Of(Description),
        _ => FieldValue.Of(""),
    };

    internal JsonObject ToJson()
    {
        var json = new JsonOut()
            .Str("recurring_run_id", Id)
            .Str("display_name", DisplayName)
            .Str("description", Description);
        if (InlineSpec is not null)
        {
            json.Node("pipeline_spec", JsonNode.Parse(InlineSpec));
        }
        else
        {
            json.Node("pipeline_version_reference", new JsonOut().Str("pipeline_id", PipelineId).Str("pipeline_version_id", PipelineVersionId).Object);
        }
        return json
            .Node("runtime_config", RuntimeConfig is null ? null : JsonNode.Parse(RuntimeConfig))
            .Str("service_account", ServiceAccount)
            .Str("max_concurrency", MaxConcurrency.ToString(CultureInfo.InvariantCulture))
            .Node("trigger", JsonNode.Parse(Trigger))
            .Str("mode", Enabled ? "ENABLE" : "DISABLE")
            .Time("created_at", CreatedAt)
            .Time("updated_at", UpdatedAt)
            .Str("status", Enabled ? "ENABLED" : "DISABLED")
            .Bool("no_catchup", NoCatchup)
            .Str("namespace", Namespace)
            .Str("experiment_id", ExperimentId)
            .Object;
    }
}
