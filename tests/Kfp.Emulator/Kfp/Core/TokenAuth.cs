using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// <c>--token</c>: the KFP API answers only requests with <c>Authorization: Bearer</c> one of the given tokens, else
/// 401 Unauthenticated in KFP's shape. In multi-user mode a token limited to some namespaces gets 403
/// PermissionDenied (KFP's SubjectAccessReview answer) for any other namespace the request touches: the
/// <c>namespace</c> or <c>experiment_id</c> in the query or body, or the namespace of the object named in the path.
/// Healthz, the control endpoints and the web page need no token.
/// </summary>
internal sealed class TokenAuth(KfpStore store, IReadOnlyList<TokenGrant> grants)
{
    public async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (grants.Count == 0 || !path.StartsWith("/apis/", StringComparison.Ordinal) || path.EndsWith("/healthz", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var grant = grants.FirstOrDefault(g => g.Token == token);
        if (grant is null)
        {
            var detail = token.Length == 0
                ? "Request header error: there is no user identity header."
                : "Failed to authenticate token review. Review Status: the token is not one the server accepts";
            await WriteAsync(context, new KfpServerException(401, 16, $"Failed to authenticate: Unauthenticated: {detail}", detail));
            return;
        }
        if (store.Settings.MultiUser && grant.Namespaces is not null)
        {
            var ns = await RequestNamespaceAsync(context);
            var target = ns.Length == 0 && !HttpMethods.IsGet(context.Request.Method) ? TokenGrant.SystemNamespace : ns;
            if ((ns.Length > 0 || target.Length > 0) && !grant.Allows(target))
            {
                var user = $"token:{(token.Length > 6 ? token[..6] + "…" : token)}";
                var detail = $"User '{user}' is not authorized with reason:  (request: &ResourceAttributes{{Namespace:{target},Verb:{Verb(context.Request)},Group:pipelines.kubeflow.org,Version:v1beta1,Resource:{Resource(path)},Subresource:,Name:,}})";
                await WriteAsync(context, new KfpServerException(403, 7, $"Failed to authorize with API: PermissionDenied: {detail}", detail));
                return;
            }
        }
        await next(context);
    }

    private static async Task WriteAsync(HttpContext context, KfpServerException error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(error.ToBody().ToJsonString(Handler.Wire), context.RequestAborted);
    }

    /// <summary>The namespace a request acts in; "" for shared pipelines or when none is named.</summary>
    private async Task<string> RequestNamespaceAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Query["namespace"].ToString() is { Length: > 0 } queryNs)
        {
            return queryNs;
        }
        var experimentId = request.Query["experiment_id"].ToString();
        var pipelineId = request.Query["pipelineid"].ToString();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true || (request.ContentLength > 0 && !request.HasFormContentType))
        {
            request.EnableBuffering();
            try
            {
                if (await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted) is JsonObject body)
                {
                    if (body["namespace"]?.ToString() is { Length: > 0 } bodyNs)
                    {
                        return bodyNs;
                    }
                    experimentId = (body["experiment_id"] ?? body["experimentId"])?.ToString() is { Length: > 0 } e ? e : experimentId;
                    pipelineId = (body["pipeline_version_reference"]?["pipeline_id"] ?? body["pipeline_id"])?.ToString() is { Length: > 0 } p ? p : pipelineId;
                }
            }
            catch (JsonException)
            {
                // The handler answers a malformed body with its own 400.
            }
            finally
            {
                request.Body.Position = 0;
            }
        }
        lock (store.Gate)
        {
            var state = store.State;
            if (experimentId.Length > 0)
            {
                return state.Experiments.TryGetValue(experimentId, out var e) ? e.Namespace : "";
            }
            var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            var id = segments.Length > 3 ? segments[3].Split(':')[0] : "";
            return segments.Length > 2 ? segments[2] switch
            {
                "experiments" => state.Experiments.GetValueOrDefault(id)?.Namespace ?? "",
                "runs" => state.Runs.GetValueOrDefault(id)?.Namespace ?? "",
                "recurringruns" => state.RecurringRuns.GetValueOrDefault(id)?.Namespace ?? "",
                "pipelines" => state.Pipelines.GetValueOrDefault(pipelineId.Length > 0 ? pipelineId : id)?.Namespace ?? "",
                _ => "",
            } : "";
        }
    }

    private static string Verb(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.Contains(':', StringComparison.Ordinal))
        {
            return path[(path.LastIndexOf(':') + 1)..];
        }
        return request.Method switch
        {
            "GET" => path.Count(c => c == '/') > 3 ? "get" : "list",
            "DELETE" => "delete",
            "PATCH" or "PUT" => "update",
            _ => "create",
        };
    }

    private static string Resource(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 2 } s
        ? s[2] switch { "recurringruns" => "jobs", "pipelines" => "pipelines", "runs" => "runs", "experiments" => "experiments", var other => other }
        : "";
}
