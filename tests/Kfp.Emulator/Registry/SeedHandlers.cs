using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Registry;

/// <summary>
/// Test seeding: <c>POST /_emulator/users</c> <c>{"username","password"}</c> (from then on the registry requires
/// auth) and <c>POST /_emulator/images</c> <c>{"repository","tag"}</c>, which points the tag at a new manifest
/// and answers <c>{"digest":"sha256:…"}</c>.
/// </summary>
internal sealed class SeedHandlers(RegistryStore store)
{
    public void Map(WebApplication app)
    {
        app.MapPost("/_emulator/users", async context =>
        {
            if (await ReadAsync(context, "username", "password") is var (username, password))
            {
                store.AddUser(username, password);
                await WriteAsync(context, StatusCodes.Status201Created, new JsonObject { ["username"] = username });
            }
        });
        app.MapPost("/_emulator/images", async context =>
        {
            if (await ReadAsync(context, "repository", "tag") is var (repository, tag))
            {
                var digest = store.PushImage(repository, tag);
                await WriteAsync(context, StatusCodes.Status201Created, new JsonObject { ["digest"] = digest });
            }
        });
    }

    private static async Task<(string, string)?> ReadAsync(HttpContext context, string first, string second)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        if (body?[first] is JsonValue a && a.TryGetValue<string>(out var x) && x.Length > 0
            && body[second] is JsonValue b && b.TryGetValue<string>(out var y) && y.Length > 0)
        {
            return (x, y);
        }
        await OciErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "UNSUPPORTED",
            $"body must be a JSON object with non-empty string fields \"{first}\" and \"{second}\"");
        return null;
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
