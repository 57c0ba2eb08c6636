using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// Every KFP API request the emulator answered (faults included; control endpoints and the web page left out):
/// method, path with query, status and duration. <c>GET /_emulator/requests</c> lists it (<c>?reset=true</c> also
/// empties it), <c>DELETE /_emulator/requests</c> empties it.
/// </summary>
internal sealed class RequestLog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _entries = [];

    /// <summary>Outermost middleware: times the whole answer, fault injection included.</summary>
    public async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith("/apis/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var entry = new JsonObject
            {
                ["method"] = context.Request.Method,
                ["path"] = path + context.Request.QueryString.Value,
                ["status"] = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 0 : context.Response.StatusCode,
                ["durationMs"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3),
            };
            lock (_gate)
            {
                _entries.Add(entry);
            }
        }
    }

    public JsonObject List(bool reset)
    {
        lock (_gate)
        {
            var list = new JsonArray([.. _entries.Select(e => (JsonNode)e.DeepClone())]);
            if (reset)
            {
                _entries.Clear();
            }
            return new JsonObject { ["requests"] = list };
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
