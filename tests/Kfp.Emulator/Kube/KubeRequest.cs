using System.Text.Json.Nodes;
using Kfp.Emulator.Kube.Schema;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube;

/// <summary>A request routed to a resource: its type, namespace and name from the URL, plus query helpers.</summary>
internal sealed record KubeRequest(HttpContext Http, ResourceType Type, string? Namespace, string? Name, string Body, UnknownFields Schema)
{
    public string? Query(string key) => Http.Request.Query.TryGetValue(key, out var v) ? v.ToString() : null;

    public string RequiredName => Name ?? throw KubeError.MethodNotAllowed(Http.Request.Method);

    /// <summary>True for <c>dryRun=All</c>; any other value is rejected like the real server does.</summary>
    public bool DryRun(string kind = "CreateOptions")
    {
        var value = Query("dryRun");
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (value == "All")
        {
            return true;
        }
        var error = FieldError.NotSupported("dryRun", value, "\"All\"");
        var details = new JsonObject { ["kind"] = kind, ["causes"] = new JsonArray(error.ToCause()) };
        throw new KubeError(422, "Invalid", $"{kind}.meta.k8s.io \"\" is invalid: {error}", details);
    }

    /// <summary>The manager of a non-apply write: <c>fieldManager</c>, else the User-Agent up to the first '/'.</summary>
    public string Manager
    {
        get
        {
            var manager = Query("fieldManager");
            if (!string.IsNullOrEmpty(manager))
            {
                return manager;
            }
            var agent = Http.Request.Headers.UserAgent.ToString();
            var slash = agent.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 ? agent[..slash] : agent.Length > 0 ? agent : "unknown";
        }
    }

    public JsonObject ParseBody() => CheckFields(KubeJson.ParseObject(Body, Type));

    /// <summary>Applies <c>fieldValidation</c> to undeclared fields: Strict fails, Warn (default) and Ignore drop them.</summary>
    public JsonObject CheckFields(JsonObject obj)
    {
        var mode = Query("fieldValidation") ?? "";
        if (mode is not ("" or "Ignore" or "Warn" or "Strict"))
        {
            throw KubeError.BadRequest($"fieldValidation must be one of Ignore, Warn or Strict, got \"{mode}\"");
        }
        var unknown = Schema.Prune(Type, obj);
        if (unknown.Count == 0 || mode == "Ignore")
        {
            return obj;
        }
        var text = string.Join(", ", unknown.Select(f => $"unknown field \"{f}\""));
        if (mode == "Strict")
        {
            throw KubeError.Undecodable(Type, "strict decoding error: " + text);
        }
        foreach (var field in unknown)
        {
            Http.Response.Headers.Append("Warning", $"299 - \"unknown field \\\"{field}\\\"\"");
        }
        return obj;
    }

    /// <summary>Puts the URL namespace on the object, or fails when the body names another one.</summary>
    public void BindNamespace(JsonObject obj)
    {
        var meta = KubeJson.Metadata(obj);
        if (!Type.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }
        var bodyNs = KubeJson.String(meta, "namespace");
        if (!string.IsNullOrEmpty(bodyNs) && bodyNs != Namespace)
        {
            throw KubeError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        meta["namespace"] = Namespace;
    }
}
