using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Specs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>
/// The hand-written multipart handlers <c>pipelines/upload</c> and <c>pipelines/upload_version</c>: any HTTP method,
/// inputs in the query string, the file in part <c>uploadfile</c>, errors as <c>{error_message,error_details}</c> or text.
/// </summary>
internal sealed class UploadHandlers(KfpStore store, PipelineService pipelines)
{
    private const long MaxFileBytes = 32 << 20;

    public void Map(IEndpointRouteBuilder app)
    {
        app.Map("/apis/v2beta1/pipelines/upload", Handler.Upload(UploadPipelineAsync));
        app.Map("/apis/v2beta1/pipelines/upload_version", Handler.Upload(UploadVersionAsync));
    }

    private async Task<JsonNode> UploadPipelineAsync(HttpContext context)
    {
        const string Context = "Failed to create a pipeline and a pipeline version";
        var (fileName, spec) = await ReadSpecAsync(context, Context);
        var q = context.Request.Query;
        var name = First(q["name"], store.Settings.HasNames ? q["display_name"] : default, fileName);
        var displayName = store.Settings.HasNames ? q["display_name"].ToString() : "";
        var tags = Tags(q["tags"].ToString(), Context);
        lock (store.Gate)
        {
            var pipeline = pipelines.Create(name, displayName, q["description"].ToString(), q["namespace"].ToString(), tags, Context, PlainTextLengthError);
            try
            {
                pipelines.CreateVersion(pipeline, pipeline.Name, pipeline.DisplayName, pipeline.Description, spec, tags, Context, PlainTextLengthError);
            }
            catch (KfpServerException)
            {
                store.State.Pipelines.Remove(pipeline.Id); // one transaction on the real server
                throw;
            }
            return pipeline.ToJson(store.Settings);
        }
    }

    private async Task<JsonNode> UploadVersionAsync(HttpContext context)
    {
        const string Context = "Failed to create a pipeline version";
        var q = context.Request.Query;
        var pipelineId = q["pipelineid"].ToString();
        var (fileName, spec) = await ReadSpecAsync(context, Context);
        if (pipelineId.Length == 0)
        {
            throw Bad(Context, "Failed to create a pipeline version due to missing pipeline id");
        }
        var name = First(q["name"], store.Settings.HasNames ? q["display_name"] : default, fileName);
        var displayName = store.Settings.HasNames ? q["display_name"].ToString() : "";
        var tags = Tags(q["tags"].ToString(), Context);
        lock (store.Gate)
        {
            if (!store.State.Pipelines.TryGetValue(pipelineId, out var pipeline))
            {
                throw Bad(Context, $"Failed to get a pipeline {pipelineId}: ResourceNotFoundError: Pipeline {pipelineId} not found");
            }
            var version = pipelines.CreateVersion(pipeline, name, displayName, q["description"].ToString(), spec, tags, Context, PlainTextLengthError);
            return version.ToJson(store.Settings);
        }
    }

    private static async Task<(string FileName, string Spec)> ReadSpecAsync(HttpContext context, string what)
    {
        if (!context.Request.HasFormContentType)
        {
            throw Bad(what, "Failed to read a pipeline spec file: the request is not multipart/form-data with a file named uploadfile");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("uploadfile") ?? throw Bad(what, "Failed to read a pipeline spec file: http: no such file");
        if (file.Length > MaxFileBytes)
        {
            throw Bad(what, "Failed to read a pipeline spec file: the file is larger than 32 MiB");
        }
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (ext is not (".yaml" or ".yml" or ".json"))
        {
            throw Bad(what, $"Failed to read a pipeline spec file: unexpected pipeline file format '{file.FileName}'. Support .zip, .tar.gz, .json, .yaml or .yml");
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var (spec, error) = SpecValidator.Validate(text, ext == ".json", resave: true);
        if (error is not null)
        {
            throw Bad(what, error);
        }
        return (file.FileName, spec!.ToJsonString());
    }

    private static Dictionary<string, string>? Tags(string json, string what)
    {
        if (json.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, TagsJsonContext.Default.DictionaryStringString);
        }
        catch (JsonException e)
        {
            throw Bad(what, $"Failed to parse tags: {e.Message}");
        }
    }

    private static string First(params ReadOnlySpan<Microsoft.Extensions.Primitives.StringValues> values)
    {
        foreach (var v in values)
        {
            if (v.ToString() is { Length: > 0 } s)
            {
                return s;
            }
        }
        return "";
    }

    private static string First(Microsoft.Extensions.Primitives.StringValues a, Microsoft.Extensions.Primitives.StringValues b, string fileName) =>
        First(a, b) is { Length: > 0 } s ? s : fileName;

    private static KfpServerException Bad(string what, string detail) => new(400, 3, $"{what}: {detail}", detail);

    private static KfpServerException PlainTextLengthError(string detail) => new(400, 3, detail, detail) { PlainText = true };
}
