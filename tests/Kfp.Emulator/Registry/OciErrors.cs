using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Registry;

/// <summary>OCI distribution error answers: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
internal static class OciErrors
{
    public static string Body(string code, string message, JsonNode? detail = null) =>
        new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message, ["detail"] = detail }),
        }.ToJsonString();

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, JsonNode? detail = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = Body(code, message, detail);
        context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
