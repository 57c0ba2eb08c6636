using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Listing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>PipelineService versions (JSON): create from URL, get, list, delete.</summary>
internal sealed class VersionHandlers(KfpStore store, PipelineService pipelines)
{
    private const string Root = "/apis/v2beta1/pipelines/{pid}/versions";
    private static readonly string[] BodyFields =
        ["pipeline_id", "pipeline_version_id", "display_name", "name", "description", "created_at", "package_url", "code_source_url", "pipeline_spec", "error", "tags"];

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Root, Handler.Json(CreateAsync));
        app.MapGet(Root, Handler.Json(List));
        app.MapGet(Root + "/{vid}", Handler.Json(Get));
        app.MapDelete(Root + "/{vid}", Handler.Json(Delete));
    }

    private async Task<JsonNode> CreateAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, store.Settings, BodyFields);
        const string Context = "Failed to create a pipeline version";
        // Quirk: the parent id must be repeated in the body even though it is in the path.
        if (body.Str("pipeline_id").Length == 0)
        {
            throw KfpServerException.InvalidInput(Context, "Parent pipeline id is empty");
        }
        var url = (body.Raw("package_url") as JsonObject)?["pipeline_url"]?.ToString() ?? "";
        if (url.Length == 0)
        {
            throw KfpServerException.InvalidInput(Context, "Pipeline URL is empty. Please specify a valid URL");
        }
        lock (store.Gate)
        {
            pipelines.Find(body.Str("pipeline_id"), Context);
        }
        // The emulator does not download pipelines: upload them with pipelines/upload_version instead.
        throw KfpServerException.InvalidInput(Context, $"Pipeline URL validation failed: the emulator cannot download {url}; use pipelines/upload_version");
    }

    private JsonObject Get(HttpContext context)
    {
        var vid = (string)context.GetRouteValue("vid")!;
        lock (store.Gate)
        {
            // Quirk: the path's pipeline id is not checked against the version's parent.
            return pipelines.FindVersion(vid, $"Failed to get a pipeline version {vid}").ToJson(store.Settings);
        }
    }

    private JsonObject List(HttpContext context)
    {
        var pid = (string)context.GetRouteValue("pid")!;
        var query = ListQuery.Parse(context.Request, VersionRow.Fields, tagKeys: store.Settings.HasTags);
        lock (store.Gate)
        {
            pipelines.Find(pid, $"Failed to list pipeline versions of pipeline {pid}");
            return query.Apply(pipelines.VersionsOf(pid).ToList(), (v, f) => v.Field(f), v => v.ToJson(store.Settings), "pipeline_versions");
        }
    }

    private JsonObject Delete(HttpContext context)
    {
        var vid = (string)context.GetRouteValue("vid")!;
        lock (store.Gate)
        {
            pipelines.FindVersion(vid, $"Failed to delete a pipeline version {vid}");
            store.State.Versions.Remove(vid);
            return Handler.Empty();
        }
    }
}
