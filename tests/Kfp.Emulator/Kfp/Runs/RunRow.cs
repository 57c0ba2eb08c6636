using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Execution;
using Kfp.Emulator.Kfp.Listing;

namespace Kfp.Emulator.Kfp.Runs;

/// <summary>A stored run.</summary>
public sealed record RunRow
{
    public static readonly IReadOnlyCollection<string> Fields =
    [
        "run_id", "display_name", "created_at", "finished_at", "scheduled_at", "description", "storage_state", "state",
        "namespace", "experiment_id", "recurring_run_id", "id",
    ];

    public required string Id { get; init; }

    public required string ExperimentId { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public string StorageState { get; init; } = "AVAILABLE";

    public string PipelineId { get; init; } = "";

    public string PipelineVersionId { get; init; } = "";

    /// <summary>JSON of an inline spec (returned as <c>pipeline_spec</c>); null when created from a version.</summary>
    public string? InlineSpec { get; init; }

    public string? RuntimeConfig { get; init; }

    public string ServiceAccount { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string State { get; init; } = "PENDING";

    public string RecurringRunId { get; init; } = "";

    public string Namespace { get; init; } = "";

    /// <summary>(time, state) pairs, oldest first.</summary>
    public List<KeyValuePair<DateTimeOffset, string>> History { get; init; } = [];

    /// <summary>Why the run failed (its failed task, or the control endpoint's message); empty when it did not.</summary>
    public string ErrorMessage { get; init; } = "";

    /// <summary>The slot a schedule created this run for; null: the creation time.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>How the run executes; null when runs do not execute by themselves.</summary>
    public RunPlan? Plan { get; init; }

    /// <summary>The moment <see cref="State"/> and the task details were last read off <see cref="Plan"/>.</summary>
    public DateTimeOffset? ProgressAt { get; init; }

    internal FieldValue Field(string name) => name switch
    {
        "run_id" or "id" => FieldValue.Of(Id),
        "display_name" => FieldValue.Of(DisplayName),
        "created_at" => FieldValue.Of(CreatedAt),
        "scheduled_at" => FieldValue.Of(ScheduledAt ?? CreatedAt),
        "finished_at" => FieldValue.Of(FinishedAt),
        "description" => FieldValue.Of(Description),
        "storage_state" => FieldValue.Of(StorageState),
        "state" => FieldValue.Of(State),
        "namespace" => FieldValue.Of(Namespace),
        "experiment_id" => FieldValue.Of(ExperimentId),
        "recurring_run_id" => FieldValue.Of(RecurringRunId),
        _ => FieldValue.Of(""),
    };

    internal JsonObject ToJson()
    {
        var json = new JsonOut()
            .Str("experiment_id", ExperimentId)
            .Str("run_id", Id)
            .Str("display_name", DisplayName)
            .Str("storage_state", StorageState)
            .Str("description", Description);
        if (InlineSpec is not null)
        {
            json.Node("pipeline_spec", JsonNode.Parse(InlineSpec));
        }
        else
        {
            json.Node("pipeline_version_reference", new JsonOut().Str("pipeline_id", PipelineId).Str("pipeline_version_id", PipelineVersionId).Object);
        }
        var history = new JsonArray([.. History.Select(h => (JsonNode)new JsonObject { ["update_time"] = JsonOut.Format(h.Key), ["state"] = h.Value })]);
        return json
            .Node("runtime_config", RuntimeConfig is null ? null : JsonNode.Parse(RuntimeConfig))
            .Str("service_account", ServiceAccount)
            .Time("created_at", CreatedAt)
            .Time("scheduled_at", ScheduledAt ?? CreatedAt)
            .Time("finished_at", FinishedAt)
            .Str("state", State)
            .Str("recurring_run_id", RecurringRunId)
            .Node("error", ErrorMessage.Length == 0 ? null : new JsonObject { ["code"] = 2, ["message"] = ErrorMessage })
            .Node("run_details", RunProgress.Details(this))
            .Node("state_history", history)
            .Object;
    }
}
