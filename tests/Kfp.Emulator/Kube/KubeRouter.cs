using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Handlers;
using Kfp.Emulator.Kube.Protobuf;
using Kfp.Emulator.Kube.Schema;
using Kfp.Emulator.Kube.Watch;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube;

/// <summary>Maps <c>/api/v1/...</c> paths and verbs to the handlers; every <see cref="KubeError"/> becomes a Status body.</summary>
internal sealed class KubeRouter
{
    private readonly ReadHandler _read;
    private readonly CreateHandler _create;
    private readonly ReplaceHandler _replace;
    private readonly PatchHandler _patch;
    private readonly DeleteHandler _delete;

    private readonly UnknownFields _schema;
    private readonly WatchHandler _watch;

    private readonly LogHandler _logs;

    private readonly KubeRbac _rbac;

    public KubeRouter(KubeStore store, ObjectWriter writer, TableWriter tables, UnknownFields schema, TimeProvider time, Workloads.Kubelet kubelet, KubeRbac rbac)
    {
        _rbac = rbac;
        _logs = new LogHandler(store, kubelet);
        _watch = new WatchHandler(store, tables, time);
        _schema = schema;
        _read = new ReadHandler(store, tables);
        _create = new CreateHandler(store, writer);
        _replace = new ReplaceHandler(store, writer);
        _patch = new PatchHandler(store, writer);
        _delete = new DeleteHandler(store, writer);
    }

    public static async Task WriteAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(KubeJson.Write(body), context.RequestAborted);
    }

    /// <param name="apiVersion">The group version of the path: <c>v1</c> for <c>/api/v1</c>, <c>batch/v1</c> for <c>/apis/batch/v1</c>.</param>
    public async Task DispatchAsync(HttpContext context, string rest, string apiVersion = "v1")
    {
        KubeResponse response;
        try
        {
            var segments = rest.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (apiVersion == "v1" && segments is ["namespaces", var logNs, "pods", var logPod, "log"])
            {
                _rbac.Authorize(context, KubeRbac.Verb(context.Request.Method, named: true, watch: false), ResourceType.Pods, "log", logNs, logPod);
                await _logs.HandleAsync(context, logNs, logPod);
                return;
            }
            var body = await ReadBodyAsync(context, segments);
            var request = Route(context, segments, body, _schema, apiVersion);
            _rbac.Authorize(context, KubeRbac.Verb(context.Request.Method, request.Name is not null, WatchHandler.IsWatch(request)), request.Type, null, request.Namespace, request.Name);
            if (context.Request.Method == "GET" && WatchHandler.IsWatch(request))
            {
                await _watch.StreamAsync(request);
                return;
            }
            response = context.Request.Method switch
            {
                "GET" => _read.Handle(request),
                "POST" => _create.Handle(request),
                "PUT" => _replace.Handle(request),
                "PATCH" => _patch.Handle(request),
                "DELETE" => _delete.Handle(request),
                _ => throw KubeError.MethodNotAllowed(context.Request.Method),
            };
        }
        catch (KubeError e)
        {
            response = new KubeResponse(e.Code, e.ToStatus());
        }
        await WriteAsync(context, response.Code, response.Body);
    }

    /// <summary>The body as JSON text; protobuf bodies (kubectl's typed clients) are decoded first.</summary>
    private static async Task<string> ReadBodyAsync(HttpContext context, string[] segments)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (!(context.Request.ContentType ?? "").StartsWith("application/vnd.kubernetes.protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        var type = segments.Length >= 3 ? Type(segments[2]) : null;
        type ??= ResourceType.Namespaces;
        try
        {
            return KubeJson.Write(ProtoDecoder.DecodeEnvelope(buffer.ToArray(), type));
        }
        catch (FormatException e)
        {
            throw KubeError.Undecodable(type, e.Message);
        }
    }

    private static KubeRequest Route(HttpContext context, string[] segments, string body, UnknownFields schema, string apiVersion)
    {
        ResourceType? Type(string plural) => ResourceType.ByPlural(plural) is { } t && t.ApiVersion == apiVersion ? t : null;
        switch (segments)
        {
            case [var plural] when Type(plural) is { } type:
                if (type.Namespaced && context.Request.Method != "GET")
                {
                    throw KubeError.MethodNotAllowed(context.Request.Method);
                }
                return new KubeRequest(context, type, null, null, body, schema);
            case ["namespaces", var name] when apiVersion == "v1":
                return new KubeRequest(context, ResourceType.Namespaces, null, name, body, schema);
            case ["namespaces", var ns, var plural] when Type(plural) is { Namespaced: true } type:
                return new KubeRequest(context, type, ns, null, body, schema);
            case ["namespaces", var ns, var plural, var name] when Type(plural) is { Namespaced: true } type:
                return new KubeRequest(context, type, ns, name, body, schema);
            default:
                throw KubeError.PathNotFound();
        }
    }

    private static ResourceType? Type(string plural) => ResourceType.ByPlural(plural);
}
