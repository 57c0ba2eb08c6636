using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Experiments;
using Kfp.Emulator.Kfp.Listing;
using Kfp.Emulator.Kfp.Pipelines;
using Kfp.Emulator.Kfp.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>RecurringRunService: create, get, list, enable, disable, delete. No update exists.</summary>
internal sealed class RecurringRunHandlers(KfpStore store, PipelineService pipelines, ExperimentHandlers experiments)
{
    private const string Root = "/apis/v2beta1/recurringruns";
    private static readonly string[] BodyFields =
    [
        "recurring_run_id", "display_name", "description", "pipeline_version_id", "pipeline_spec", "pipeline_version_reference",
        "runtime_config", "service_account", "max_concurrency", "trigger", "mode", "created_at", "updated_at", "status", "error",
        "no_catchup", "namespace", "experiment_id", "plugins_input",
    ];

    private static readonly string[] Modes = ["MODE_UNSPECIFIED", "ENABLE", "DISABLE"];

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Root, Handler.Json(CreateAsync));
        app.MapGet(Root, Handler.Json(List));
        app.MapGet(Root + "/{id}", Handler.Json(c => Find(c).ToJson()));
        app.MapDelete(Root + "/{id}", Handler.Json(Delete));
        app.MapPost(Root + "/{id}:enable", Handler.Json(c => SetEnabled(c, true)));
        app.MapPost(Root + "/{id}:disable", Handler.Json(c => SetEnabled(c, false)));
    }

    private async Task<JsonNode> CreateAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, BodyFields);
        const string Context = "Failed to create a recurring run";
        var mode = body.Enum("mode", Modes);
        var runtime = body.Child("runtime_config", store.Settings, RunHandlers.RuntimeConfigFields);
        lock (store.Gate)
        {
            if (body.Str("display_name").Length == 0)
            {
                throw KfpServerException.Internal(Context, "Failed to convert a recurring run: the display name is empty");
            }
            var maxConcurrency = body.Int64("max_concurrency");
            if (maxConcurrency is < 1 or > 10)
            {
                throw KfpServerException.InvalidInput(Context, $"Max concurrency of a recurring run must be in the range [1, 10]. Got {maxConcurrency}");
            }
            var trigger = TriggerReader.Read(body, store.Settings, Context);
            var experiment = experiments.ForRun(body.Str("experiment_id"), Context);
            if (body.Str("namespace") is { Length: > 0 } ns && store.Settings.MultiUser && ns != experiment.Namespace)
            {
                throw KfpServerException.InvalidInput(Context, $"the namespace {ns} does not match the experiment's namespace {experiment.Namespace}");
            }
            // Only a pipeline id: parameters are checked against today's latest version, but the schedule keeps following the latest.
            var source = PipelineSource.Resolve(body, store, pipelines, Context, pinLatest: false);
            ParameterValidator.Check(source.Spec, runtime?.Raw("parameters") as JsonObject, Context);
            var now = store.Now();
            var row = new RecurringRunRow
            {
                Id = store.NewId(),
                DisplayName = body.Str("display_name"),
                Description = body.Str("description"),
                PipelineId = source.PipelineId,
                PipelineVersionId = source.VersionId,
                InlineSpec = source.InlineSpec,
                RuntimeConfig = body.Raw("runtime_config")?.ToJsonString(),
                ServiceAccount = body.Str("service_account"),
                MaxConcurrency = maxConcurrency,
                Trigger = trigger.ToJsonString(),
                Enabled = mode == "ENABLE", // Quirk: a missing or unspecified mode creates the schedule DISABLED.
                CreatedAt = now,
                UpdatedAt = now,
                EnabledAt = mode == "ENABLE" ? store.Time.GetUtcNow() : null,
                NoCatchup = body.Bool("no_catchup"),
                Namespace = experiment.Namespace,
                ExperimentId = experiment.Id,
            };
            store.State.RecurringRuns[row.Id] = row;
            return row.ToJson();
        }
    }

    private JsonObject List(HttpContext context)
    {
        var query = ListQuery.Parse(context.Request, RecurringRunRow.Fields);
        var scope = ExperimentScope.Read(context.Request, store.Settings, "ListRecurringRuns", "recurring runs");
        lock (store.Gate)
        {
            var rows = store.State.RecurringRuns.Values.Where(r => scope.Includes(r.ExperimentId, r.Namespace)).ToList();
            // Quirk: this list key is camelCase on the wire.
            return query.Apply(rows, (r, f) => r.Field(f), r => r.ToJson(), "recurringRuns");
        }
    }

    private RecurringRunRow Find(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        lock (store.Gate)
        {
            return store.State.RecurringRuns.GetValueOrDefault(id)
                ?? throw KfpServerException.NotFound($"Failed to get a recurring run {id}", "Job", id);
        }
    }

    private JsonObject SetEnabled(HttpContext context, bool enabled)
    {
        lock (store.Gate)
        {
            var row = Find(context);
            if (row.Enabled != enabled)
            {
                store.State.RecurringRuns[row.Id] = row with { Enabled = enabled, UpdatedAt = store.Now(), EnabledAt = enabled ? store.Time.GetUtcNow() : row.EnabledAt };
            }
            return Handler.Empty();
        }
    }

    private JsonObject Delete(HttpContext context)
    {
        lock (store.Gate)
        {
            store.State.RecurringRuns.Remove(Find(context).Id);
            return Handler.Empty();
        }
    }

    /// <summary>Archiving an experiment disables its recurring runs. Called under the lock.</summary>
    public void DisableAllIn(string experimentId)
    {
        foreach (var row in store.State.RecurringRuns.Values.Where(r => r.ExperimentId == experimentId && r.Enabled).ToList())
        {
            store.State.RecurringRuns[row.Id] = row with { Enabled = false, UpdatedAt = store.Now() };
        }
    }
}
