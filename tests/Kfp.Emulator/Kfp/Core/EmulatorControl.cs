using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// <c>POST /_emulator/config</c> <c>{"version":"2.5.0","multiUser":true}</c> picks which server is played;
/// <c>GET</c> returns the current settings.
/// </summary>
internal static class EmulatorControl
{
    public static void Map(WebApplication app, KfpStore store)
    {
        app.MapGet("/_emulator/config", Handler.Json(_ => Render(store.Settings)));
        app.MapPost("/_emulator/config", Handler.Json(async context =>
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw KfpServerException.BadRequestBody("config must be a JSON object");
            lock (store.Gate)
            {
                var settings = store.Settings;
                if (node["version"] is JsonValue v)
                {
                    settings = settings with { Version = v.GetValue<string>() };
                }
                if (node["multiUser"] is JsonValue m)
                {
                    settings = settings with { MultiUser = m.GetValue<bool>() };
                }
                store.State.Settings = settings;
                return Render(settings);
            }
        }));
    }

    private static JsonObject Render(ServerSettings s) => new() { ["version"] = s.Version, ["multiUser"] = s.MultiUser };
}
