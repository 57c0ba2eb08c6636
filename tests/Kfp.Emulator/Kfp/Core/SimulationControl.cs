using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// Control endpoints for tests: <c>/_emulator/clock</c> (GET the time; POST <c>{"advanceSeconds":N}</c> moves it),
/// <c>/_emulator/fail-tasks</c> (GET the rules; POST <c>{"match":"train"}</c> adds one; DELETE clears them) and
/// <c>/_emulator/requests</c> (GET the request log, <c>?reset=true</c> also empties it; DELETE empties it).
/// </summary>
internal static class SimulationControl
{
    public static void Map(WebApplication app, KfpStore store, Simulation simulation, RequestLog log)
    {
        app.MapGet("/_emulator/clock", Handler.Json(_ => Clock(store)));
        app.MapPost("/_emulator/clock", Handler.Json(async context =>
        {
            var body = await ReadAsync(context, "{\"advanceSeconds\": 3600}");
            var seconds = body["advanceSeconds"] is JsonValue v && v.TryGetValue<double>(out var s) && s >= 0
                ? s
                : throw KfpServerException.BadRequestBody("advanceSeconds must be a number of seconds, 0 or more: {\"advanceSeconds\": 3600}");
            store.Clock.Advance(TimeSpan.FromSeconds(seconds));
            simulation.AdvanceToNow();
            return Clock(store);
        }));
        app.MapGet("/_emulator/fail-tasks", Handler.Json(_ => Rules(store)));
        app.MapPost("/_emulator/fail-tasks", Handler.Json(async context =>
        {
            var body = await ReadAsync(context, "{\"match\": \"train\"}");
            var match = body["match"]?.ToString() is { Length: > 0 } m
                ? m
                : throw KfpServerException.BadRequestBody("match must name a task, a component or an image: {\"match\": \"train\"}");
            store.Failures.Add(match);
            return Rules(store);
        }));
        app.MapDelete("/_emulator/fail-tasks", Handler.Json(_ =>
        {
            store.Failures.Clear();
            return Rules(store);
        }));
        app.MapGet("/_emulator/requests", Handler.Json(context =>
            log.List(context.Request.Query.ContainsKey("reset") && context.Request.Query["reset"].ToString() is not ("false" or "0"))));
        app.MapDelete("/_emulator/requests", Handler.Json(_ =>
        {
            log.Clear();
            return Handler.Empty();
        }));
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context, string example)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw KfpServerException.BadRequestBody($"the body must be a JSON object such as {example}");
        }
        catch (JsonException e)
        {
            throw KfpServerException.BadRequestBody($"the body must be a JSON object such as {example}: {e.Message}");
        }
    }

    private static JsonObject Clock(KfpStore store) => new()
    {
        ["now"] = store.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["offsetSeconds"] = store.Clock.Offset.TotalSeconds,
    };

    private static JsonObject Rules(KfpStore store) =>
        new() { ["rules"] = new JsonArray([.. store.Failures.Rules.Select(r => (JsonNode)JsonValue.Create(r))]) };
}
