using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c>: the captured output as text (<c>container</c>, <c>tailLines</c>,
/// <c>follow</c> waits for the process to end). A container that never started is a 400 like the real kubelet's.
/// </summary>
internal sealed class LogHandler(KubeStore store, Workloads.Kubelet kubelet)
{
    public async Task HandleAsync(HttpContext context, string ns, string name)
    {
        if (context.Request.Method != "GET")
        {
            await KubeRouter.WriteAsync(context, 405, KubeError.MethodNotAllowed(context.Request.Method).ToStatus());
            return;
        }
        var query = context.Request.Query;
        var tail = int.TryParse(query["tailLines"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        var follow = query["follow"].ToString() == "true";
        while (true)
        {
            JsonObject? pod;
            lock (store.Gate)
            {
                pod = store.Get(ResourceType.Pods, ns, name);
            }
            if (pod is null)
            {
                var missing = KubeError.NotFound(ResourceType.Pods, name);
                await KubeRouter.WriteAsync(context, missing.Code, missing.ToStatus());
                return;
            }
            var containers = (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => KubeJson.String(c, "name") ?? "").ToList();
            var container = query["container"].ToString();
            if (container.Length == 0)
            {
                if (containers.Count != 1)
                {
                    var choose = KubeError.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(" ", containers)}]");
                    await KubeRouter.WriteAsync(context, choose.Code, choose.ToStatus());
                    return;
                }
                container = containers[0];
            }
            if (!containers.Contains(container))
            {
                var invalid = KubeError.BadRequest($"container {container} is not valid for pod {name}");
                await KubeRouter.WriteAsync(context, invalid.Code, invalid.ToStatus());
                return;
            }
            var state = (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(s => KubeJson.String(s, "name") == container)?["state"] as JsonObject;
            if (state is null || state["waiting"] is JsonObject)
            {
                var reason = KubeJson.String(state?["waiting"] as JsonObject, "reason") ?? "ContainerCreating";
                var waiting = KubeError.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: {reason}");
                await KubeRouter.WriteAsync(context, waiting.Code, waiting.ToStatus());
                return;
            }
            if (follow && state["running"] is JsonObject)
            {
                await Task.Delay(50, context.RequestAborted);
                continue;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(kubelet.Logs.Read(ns, name, tail), context.RequestAborted);
            return;
        }
    }
}
