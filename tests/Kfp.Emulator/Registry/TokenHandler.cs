using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Registry;

/// <summary>
/// <c>GET /token?service=..&amp;scope=repository:team/trainer:pull</c>: the Docker token service. With users,
/// only valid Basic credentials get a token; without users anyone does. Answers <c>token</c> and <c>access_token</c>.
/// </summary>
internal sealed class TokenHandler(RegistryStore store, RegistryAuth auth, TimeProvider time)
{
    public void Map(WebApplication app) => app.MapGet("/token", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        if (store.RequiresAuth && !auth.HasValidBasic(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{RegistryAuth.Service}\"";
            await OciErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "invalid username or password");
            return;
        }
        var token = store.IssueToken();
        var body = new JsonObject
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = 300,
            ["issued_at"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
