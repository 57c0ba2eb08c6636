using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>PipelineService (JSON): create without versions, get, get by name, list, delete with the cascade rule.</summary>
internal sealed class PipelineHandlers(KfpStore store, PipelineService pipelines)
{
    private const string Root = "/apis/v2beta1/pipelines";
    private static readonly string[] BodyFields = ["pipeline_id", "display_name", "name", "description", "created_at", "namespace", "error", "tags"];
    private static readonly string[] LegacyBodyFields = ["pipeline_id", "display_name", "description", "created_at", "namespace", "error"];

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Root, Handler.Json(CreateAsync));
        app.MapPost(Root + "/create", Handler.Json(CreateWithVersionAsync));
        app.MapGet(Root, Handler.Json(List));
        app.MapGet(Root + "/names/{name}", Handler.Json(GetByName));
        app.MapGet(Root + "/{id}", Handler.Json(Get));
        app.MapDelete(Root + "/{id}", Handler.Json(Delete));
        app.MapPatch(Root + "/{id}", Handler.Json(UpdateAsync));
    }

    private async Task<JsonNode> CreateAsync(HttpContext context)
    {
        var fields = store.Settings.HasNames ? BodyFields : LegacyBodyFields;
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, fields);
        const string Context = "Failed to create a pipeline";
        lock (store.Gate)
        {
            var row = pipelines.Create(body.Str("name"), body.Str("display_name"), body.Str("description"), body.Str("namespace"),
                body.StrMap("tags"), Context, detail => KfpServerException.Internal(Context, detail));
            return row.ToJson(store.Settings);
        }
    }

    /// <summary>P2 needs the server to download the spec from a URL; the emulator does not, and says so as the server would.</summary>
    private async Task<JsonNode> CreateWithVersionAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, ["pipeline", "pipeline_version"]);
        var url = (body.Raw("pipeline_version") as JsonObject)?["package_url"]?["pipeline_url"]?.ToString() ?? "";
        const string Context = "Failed to create a pipeline and a pipeline version";
        throw url.Length == 0
            ? KfpServerException.InvalidInput(Context, "Pipeline URL is empty. Please specify a valid URL")
            : KfpServerException.InvalidInput(Context, $"Pipeline URL validation failed: the emulator cannot download {url}; use pipelines/upload");
    }

    private JsonObject Get(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        lock (store.Gate)
        {
            return pipelines.Find(id, $"Failed to get a pipeline {id}").ToJson(store.Settings);
        }
    }

    private JsonObject GetByName(HttpContext context)
    {
        var name = (string)context.GetRouteValue("name")!;
        var ns = store.StoredNamespace(context.Request.Query["namespace"].ToString());
        lock (store.Gate)
        {
            var row = store.State.Pipelines.Values.FirstOrDefault(p => p.Name == name && p.Namespace == ns)
                ?? throw KfpServerException.NotFound($"Failed to get a pipeline with name {name} and namespace {ns}", "Pipeline", name);
            return row.ToJson(store.Settings);
        }
    }

    private JsonObject List(HttpContext context)
    {
        var query = ListQuery.Parse(context.Request, PipelineRow.Fields, tagKeys: store.Settings.HasTags);
        var ns = store.StoredNamespace(context.Request.Query["namespace"].ToString());
        lock (store.Gate)
        {
            var rows = store.State.Pipelines.Values.Where(p => p.Namespace == ns).ToList();
            return query.Apply(rows, (p, f) => p.Field(f), p => p.ToJson(store.Settings), "pipelines");
        }
    }

    /// <summary>P7 (2.17+): only <c>display_name</c> and <c>tags</c> change; an empty display name leaves it as it is.</summary>
    private async Task<JsonNode> UpdateAsync(HttpContext context)
    {
        if (!store.Settings.HasTags)
        {
            throw new KfpServerException(501, 12, "Method Not Allowed", "Method Not Allowed");
        }
        var id = (string)context.GetRouteValue("id")!;
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, BodyFields);
        var message = $"Failed to update pipeline {id}";
        lock (store.Gate)
        {
            var row = pipelines.Find(id, message);
            var displayName = body.Str("display_name");
            var updated = row with
            {
                DisplayName = displayName.Length > 0 ? displayName : row.DisplayName,
                Tags = body.Has("tags") ? body.StrMap("tags") : row.Tags,
            };
            store.State.Pipelines[id] = updated;
            return updated.ToJson(store.Settings);
        }
    }

    private JsonObject Delete(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        var cascade = store.Settings.HasNames && context.Request.Query["cascade"].ToString().Equals("true", StringComparison.OrdinalIgnoreCase);
        var message = $"Failed to delete pipeline {id}";
        lock (store.Gate)
        {
            pipelines.Find(id, message);
            var versions = pipelines.VersionsOf(id).OrderBy(v => v.Sequence).ToList();
            if (versions.Count > 0 && !cascade)
            {
                throw KfpServerException.InvalidInput(message,
                    $"Pipeline {id} has existing pipeline versions (e.g. {versions[0].Id}). Set cascade=true to delete all versions");
            }
            foreach (var version in versions)
            {
                store.State.Versions.Remove(version.Id);
            }
            store.State.Pipelines.Remove(id);
            return Handler.Empty();
        }
    }
}
