using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Execution;
using Kfp.Emulator.Kfp.Experiments;
using Kfp.Emulator.Kfp.Listing;
using Kfp.Emulator.Kfp.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.Runs;

/// <summary>RunService: create, get, list, delete, archive, unarchive, terminate; plus a control endpoint to move a run's state.</summary>
internal sealed class RunHandlers(KfpStore store, PipelineService pipelines, ExperimentHandlers experiments)
{
    private const string Root = "/apis/v2beta1/runs";
    private static readonly string[] BodyFields =
    [
        "experiment_id", "run_id", "display_name", "storage_state", "description", "pipeline_version_id", "pipeline_spec",
        "pipeline_version_reference", "runtime_config", "service_account", "created_at", "scheduled_at", "finished_at", "state",
        "error", "run_details", "recurring_run_id", "state_history", "plugins_input", "plugins_output",
    ];

    public static readonly string[] RuntimeConfigFields = ["parameters", "pipeline_root"];

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Root, Handler.Json(CreateAsync));
        app.MapGet(Root, Handler.Json(List));
        app.MapGet(Root + "/{id}", Handler.Json(c => Find(c).ToJson()));
        app.MapDelete(Root + "/{id}", Handler.Json(Delete));
        app.MapPost(Root + "/{id}:archive", Handler.Json(c => Update(c, r => r with { StorageState = "ARCHIVED" })));
        app.MapPost(Root + "/{id}:unarchive", Handler.Json(Unarchive));
        app.MapPost(Root + "/{id}:terminate", Handler.Json(c => Update(c, r => Pinned(r, "CANCELED"))));
        app.MapPost("/_emulator/runs/{id}/state", Handler.Json(SetStateAsync));
    }

    private async Task<JsonNode> CreateAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, BodyFields);
        const string Context = "Failed to create a run";
        if (body.Has("plugins_output"))
        {
            throw KfpServerException.Aborted(Context, "plugins_output is output only and cannot be set");
        }
        var runtime = body.Child("runtime_config", store.Settings, RuntimeConfigFields);
        lock (store.Gate)
        {
            if (body.Str("display_name").Length == 0)
            {
                throw KfpServerException.Internal(Context, "Failed to convert a run: run must have a non-empty display name");
            }
            var experiment = experiments.ForRun(body.Str("experiment_id"), Context);
            var source = PipelineSource.Resolve(body, store, pipelines, Context, pinLatest: true);
            ParameterValidator.Check(source.Spec, runtime?.Raw("parameters") as JsonObject, Context);
            var now = store.Now();
            var row = new RunRow
            {
                Id = store.NewId(),
                ExperimentId = experiment.Id,
                DisplayName = body.Str("display_name"),
                Description = body.Str("description"),
                PipelineId = source.PipelineId,
                PipelineVersionId = source.VersionId,
                InlineSpec = source.InlineSpec,
                RuntimeConfig = body.Raw("runtime_config")?.ToJsonString(),
                ServiceAccount = body.Str("service_account"),
                CreatedAt = now,
                Namespace = experiment.Namespace,
                History = [new(now, "PENDING")],
                Plan = store.PlanRun(source.Spec, store.Time.GetUtcNow(), body.Raw("runtime_config")?.ToJsonString()),
            };
            store.State.Runs[row.Id] = row;
            store.State.Experiments[experiment.Id] = experiment with { LastRunCreatedAt = now };
            return row.ToJson();
        }
    }

    private JsonObject List(HttpContext context)
    {
        var query = ListQuery.Parse(context.Request, RunRow.Fields);
        var scope = ExperimentScope.Read(context.Request, store.Settings, "ListRuns", "runs");
        lock (store.Gate)
        {
            var rows = store.State.Runs.Values.Where(r => scope.Includes(r.ExperimentId, r.Namespace)).ToList();
            return query.Apply(rows, (r, f) => r.Field(f), r => r.ToJson(), "runs");
        }
    }

    private RunRow Find(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        lock (store.Gate)
        {
            return store.State.Runs.GetValueOrDefault(id) ?? throw KfpServerException.NotFound($"Failed to get a run {id}", "Run", id);
        }
    }

    private JsonObject Update(HttpContext context, Func<RunRow, RunRow> change)
    {
        lock (store.Gate)
        {
            var row = Find(context);
            store.State.Runs[row.Id] = change(row);
            return Handler.Empty();
        }
    }

    private JsonObject Unarchive(HttpContext context)
    {
        lock (store.Gate)
        {
            var row = Find(context);
            if (store.State.Experiments.TryGetValue(row.ExperimentId, out var e) && e.StorageState == ExperimentRow.Archived)
            {
                throw new KfpServerException(400, 9, $"Failed to unarchive run {row.Id}: experiment {e.Id} is archived", $"Failed to unarchive run {row.Id}: experiment {e.Id} is archived");
            }
            store.State.Runs[row.Id] = row with { StorageState = "AVAILABLE" };
            return Handler.Empty();
        }
    }

    private JsonObject Delete(HttpContext context)
    {
        lock (store.Gate)
        {
            store.State.Runs.Remove(Find(context).Id);
            return Handler.Empty();
        }
    }

    private async Task<JsonNode> SetStateAsync(HttpContext context)
    {
        var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var state = node?["state"]?.ToString() ?? throw KfpServerException.BadRequestBody("body must be {\"state\":\"FAILED\",\"error\":\"optional message\"}");
        var error = node?["error"]?.ToString() ?? "";
        return Update(context, r => Pinned(r, state) with { ErrorMessage = error });
    }

    /// <summary>Stops the run's own progress where it is now, then moves it to <paramref name="state"/>.</summary>
    private RunRow Pinned(RunRow row, string state) => Moved(RunProgress.Freeze(row, store.Time.GetUtcNow(), state), state);

    private RunRow Moved(RunRow row, string state)
    {
        var now = store.Now();
        var terminal = state is "SUCCEEDED" or "SKIPPED" or "FAILED" or "CANCELED";
        return row with { State = state, FinishedAt = terminal ? now : row.FinishedAt, History = [.. row.History, new(now, state)] };
    }

    /// <summary>Archiving an experiment archives its runs. Called under the lock.</summary>
    public void ArchiveAllIn(string experimentId)
    {
        foreach (var run in store.State.Runs.Values.Where(r => r.ExperimentId == experimentId).ToList())
        {
            store.State.Runs[run.Id] = run with { StorageState = "ARCHIVED" };
        }
    }
}
