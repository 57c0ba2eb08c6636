using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>Wraps a handler: its JSON answer is written with 200, a <see cref="KfpServerException"/> as the error body.</summary>
internal static class Handler
{
    /// <summary>Quotes escaped as <c>\"</c> like the Go server, not <c>\u0022</c>.</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RequestDelegate Json(Func<HttpContext, Task<JsonNode>> handler) => async context =>
    {
        JsonNode body;
        try
        {
            body = await handler(context);
        }
        catch (KfpServerException e)
        {
            context.Response.StatusCode = e.Status;
            body = e.ToBody();
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Wire), context.RequestAborted);
    };

    /// <summary>The hand-written upload handler: its own error bodies (JSON <c>error_message</c> or plain text).</summary>
    public static RequestDelegate Upload(Func<HttpContext, Task<JsonNode>> handler) => async context =>
    {
        try
        {
            var body = await handler(context);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(Wire), context.RequestAborted);
        }
        catch (KfpServerException e)
        {
            context.Response.StatusCode = e.Status;
            context.Response.ContentType = e.PlainText ? "text/plain; charset=utf-8" : "application/json";
            await context.Response.WriteAsync(e.PlainText ? e.Message + "\n" : e.ToUploadBody().ToJsonString(Wire), context.RequestAborted);
        }
    };

    public static RequestDelegate Json(Func<HttpContext, JsonNode> handler) => Json(c => Task.FromResult(handler(c)));

    /// <summary>An empty protobuf message (<c>google.protobuf.Empty</c>).</summary>
    public static JsonObject Empty() => [];
}
