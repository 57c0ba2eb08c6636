using System.Globalization;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Handlers;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube.Watch;

/// <summary>
/// <c>GET ...?watch=true</c>: newline-separated <c>{"type","object"}</c> events. Without a resourceVersion (or "0")
/// the current objects come first as ADDED; with one, the changes after it. Ends at <c>timeoutSeconds</c> or when
/// the client goes away.
/// </summary>
internal sealed class WatchHandler(KubeStore store, TableWriter tables, TimeProvider time)
{
    public static bool IsWatch(KubeRequest request) => request.Query("watch") is "true" or "1";

    public async Task StreamAsync(KubeRequest request)
    {
        var labels = LabelSelector.Parse(request.Query("labelSelector"));
        var fields = ReadHandler.FieldFilter(request);
        bool Matches(ResourceType type, JsonObject obj) =>
            type == request.Type && labels.Matches(obj) && fields(obj)
            && (request.Name is null || KubeJson.Name(obj) == request.Name)
            && (request.Namespace is null || KubeJson.String(obj["metadata"] as JsonObject, "namespace") == request.Namespace);

        var version = request.Query("resourceVersion");
        List<JsonObject> initial = [];
        System.Threading.Channels.Channel<WatchEvent> channel;
        lock (store.Gate)
        {
            var fromNow = !long.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var since) || since <= 0;
            if (fromNow)
            {
                since = store.Revision;
                initial = store.List(request.Type, request.Namespace).Where(o => Matches(request.Type, o)).ToList();
            }
            channel = store.Watches.Subscribe(since);
        }
        var asTable = request.Http.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
        var timeout = int.TryParse(request.Query("timeoutSeconds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 1800;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted);
        using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(timeout), time);
        using var link = timer.Token.Register(stop.Cancel);
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        try
        {
            foreach (var obj in initial)
            {
                await WriteAsync(response, "ADDED", request.Type, obj, asTable, stop.Token);
            }
            await response.Body.FlushAsync(stop.Token);
            await foreach (var change in channel.Reader.ReadAllAsync(stop.Token))
            {
                if (Matches(change.Resource, change.Object))
                {
                    await WriteAsync(response, change.Type, change.Resource, change.Object, asTable, stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the stream simply ends.
        }
        finally
        {
            store.Watches.Unsubscribe(channel);
        }
    }

    private async Task WriteAsync(HttpResponse response, string type, ResourceType resource, JsonObject obj, bool asTable, CancellationToken token)
    {
        var body = asTable ? tables.Table(resource, [obj], KubeJson.ResourceVersion(obj) ?? "") : obj;
        var line = KubeJson.Write(new JsonObject { ["type"] = type, ["object"] = body.DeepClone() }) + "\n";
        await response.WriteAsync(line, token);
        await response.Body.FlushAsync(token);
    }
}
