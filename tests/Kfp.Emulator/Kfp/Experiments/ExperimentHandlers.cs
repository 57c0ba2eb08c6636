using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.Experiments;

/// <summary>ExperimentService: create, get, list, delete, archive, unarchive.</summary>
internal sealed class ExperimentHandlers(KfpStore store)
{
    private const string Root = "/apis/v2beta1/experiments";
    private const int MaxNameLength = 128;
    private static readonly string[] BodyFields = ["experiment_id", "display_name", "description", "created_at", "namespace", "storage_state", "last_run_created_at"];

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Root, Handler.Json(CreateAsync));
        app.MapGet(Root, Handler.Json(List));
        app.MapGet(Root + "/{id}", Handler.Json(Get));
        app.MapDelete(Root + "/{id}", Handler.Json(Delete));
        app.MapPost(Root + "/{id}:archive", Handler.Json(c => SetState(c, ExperimentRow.Archived)));
        app.MapPost(Root + "/{id}:unarchive", Handler.Json(c => SetState(c, ExperimentRow.Available)));
    }

    /// <summary>The experiment or a 404 error; callers hold the store's lock.</summary>
    public ExperimentRow Find(string id, string context) =>
        store.State.Experiments.TryGetValue(id, out var row) ? row : throw KfpServerException.NotFound(context, "Experiment", id);

    /// <summary>The experiment a run or recurring run goes to: the given one, else the default (single-user only).</summary>
    public ExperimentRow ForRun(string experimentId, string context)
    {
        if (experimentId.Length > 0)
        {
            return Find(experimentId, context);
        }
        if (store.Settings.MultiUser)
        {
            throw KfpServerException.InvalidInput(context, "experiment_id is required in multi-user mode");
        }
        return store.State.Experiments.Values.First(e => e.DisplayName == KfpStore.DefaultExperimentName && e.Namespace.Length == 0);
    }

    private async Task<JsonNode> CreateAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, BodyFields);
        const string Context = "Failed to create an experiment";
        var name = body.Str("display_name");
        var ns = body.Str("namespace");
        lock (store.Gate)
        {
            if (name.Length == 0)
            {
                throw KfpServerException.Internal(Context, "Failed to convert API experiment to its internal representation: experiment must have a non-empty name");
            }
            if (name.Length > MaxNameLength)
            {
                throw KfpServerException.Internal(Context, $"Experiment.Name length cannot exceed {MaxNameLength}");
            }
            if (store.Settings.MultiUser && ns.Length == 0)
            {
                throw KfpServerException.InvalidInput(Context, "Experiment namespace cannot be empty in multi-user mode");
            }
            ns = store.StoredNamespace(ns);
            if (store.State.Experiments.Values.Any(e => e.DisplayName == name && e.Namespace == ns))
            {
                throw KfpServerException.AlreadyExists(Context, $"Failed to create a new experiment. The name {name} already exists. Please specify a new name");
            }
            var row = new ExperimentRow
            {
                Id = store.NewId(),
                DisplayName = name,
                Description = body.Str("description"),
                Namespace = ns,
                CreatedAt = store.Now(),
            };
            store.State.Experiments[row.Id] = row;
            return row.ToJson();
        }
    }

    private JsonObject Get(HttpContext context)
    {
        var id = Id(context);
        lock (store.Gate)
        {
            return Find(id, $"Failed to get experiment {id}").ToJson();
        }
    }

    private JsonObject List(HttpContext context)
    {
        var query = ListQuery.Parse(context.Request, ExperimentRow.Fields);
        var ns = context.Request.Query["namespace"].ToString();
        if (store.Settings.MultiUser && ns.Length == 0)
        {
            throw KfpServerException.InvalidInput("Failed to list experiments", "ListExperiments cannot have an empty namespace in multi-user mode");
        }
        lock (store.Gate)
        {
            var rows = store.State.Experiments.Values.Where(e => !store.Settings.MultiUser || e.Namespace == ns).ToList();
            return query.Apply(rows, (e, f) => e.Field(f), e => e.ToJson(), "experiments");
        }
    }

    private JsonObject Delete(HttpContext context)
    {
        var id = Id(context);
        var message = $"Failed to delete experiment {id}";
        lock (store.Gate)
        {
            var row = Find(id, message);
            if (row.DisplayName == KfpStore.DefaultExperimentName && row.Namespace.Length == 0 && !store.Settings.MultiUser)
            {
                throw KfpServerException.Aborted(message, $"Experiment {id} is the default experiment and cannot be deleted");
            }
            store.State.Experiments.Remove(id);
            return Handler.Empty();
        }
    }

    private JsonObject SetState(HttpContext context, string state)
    {
        var id = Id(context);
        lock (store.Gate)
        {
            if (!store.State.Experiments.TryGetValue(id, out var row))
            {
                // Single-user mode does not look the experiment up (authz is skipped): 200 for an unknown id.
                return store.Settings.MultiUser ? throw KfpServerException.NotFound($"Failed to archive experiment {id}", "Experiment", id) : Handler.Empty();
            }
            store.State.Experiments[id] = row with { StorageState = state };
            OnStateChanged?.Invoke(id, state);
            return Handler.Empty();
        }
    }

    /// <summary>Archiving cascades to runs and recurring runs; set by the API that owns them. Called under the lock.</summary>
    public Action<string, string>? OnStateChanged { get; set; }

    private static string Id(HttpContext context) => (string)context.GetRouteValue("id")!;
}
