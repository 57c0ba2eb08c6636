using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kfp.Kube.Config;

namespace Kfp.Kube.Http;

/// <summary>
/// The one place library errors become ours: every KubernetesClient call runs through <see cref="RunAsync{T}"/>, so
/// a Status body becomes a <see cref="KubeApiException"/>, a 401/403 says which setting to fix, an answer that is
/// not a Status names the host, status and content type, and no answer names the server and the TLS settings.
/// </summary>
internal sealed class KubeErrors(KubeClientConfig config)
{
    private const int MaxSnippet = 200;

    private string Where => config.ContextName is { } context
        ? $"context \"{context}\" of kubeconfig {config.Source}"
        : config.Source.Length == 0 ? "the kubeconfig" : config.Source;

    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e) when (e.Response is not null && e.Request is not null)
        {
            throw Translate(e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (JsonException e)
        {
            throw new KubeUnexpectedResponseException(
                $"the server at {config.Server} answered with something that is not Kubernetes JSON ({e.Message}). Check the server URL of {Where} (kfp:kubeconfig, kfp:context).", e);
        }
    }

    public async Task RunAsync(Func<Task> call) => await RunAsync(async () =>
    {
        await call();
        return true;
    });

    private KubeApiException Translate(HttpOperationException e)
    {
        var code = (int)e.Response.StatusCode;
        var body = e.Response.Content ?? "";
        var contentType = e.Response.Headers.TryGetValue("Content-Type", out var types) ? string.Join(", ", types) : "";
        var path = e.Request.RequestUri?.AbsolutePath ?? "";
        var request = $"{e.Request.Method} {path}";
        var status = ParseStatus(body);
        return code switch
        {
            401 => new KubeAuthenticationException(status,
                $"the Kubernetes API at {config.Server} refused the credentials ({config.Auth.Description}) of {Where}: {status?.Message ?? "Unauthorized"}. "
                + "Fix the user's credentials in the kubeconfig (kfp:kubeconfig), or choose a context this cluster accepts (kfp:context)."),
            403 => Forbidden(status, e.Request.Method.Method, path, request),
            _ when status is null => new KubeUnexpectedResponseException(code, contentType,
                $"the server at {config.Server} answered {request} with HTTP {code} ({(contentType.Length == 0 ? "no content type" : contentType)}), "
                + $"not a Kubernetes Status{Snippet(body)}. It does not look like the Kubernetes API: check the server URL of {Where} (kfp:kubeconfig, kfp:context)."),
            _ => new KubeApiException(code, status, request),
        };
    }

    private KubeAuthorizationException Forbidden(V1Status? status, string method, string path, string request)
    {
        var (verb, resource, ns) = RbacRequest.Describe(method, path);
        var scope = ns is null ? "cluster-wide" : $"in namespace {ns}";
        return new KubeAuthorizationException(status, verb, ns,
            $"Kubernetes API {request} was refused: {status?.Message ?? "Forbidden"}. The credentials of {Where} may not {verb} {resource} {scope}: "
            + $"grant that with an RBAC Role and RoleBinding in namespace {ns ?? "(cluster)"}, or use a context that may (kfp:context, kfp:kubeconfig).");
    }

    private KubeConnectionException Unreachable(HttpRequestException e)
    {
        var detail = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
        var proxy = config.ProxyUrl is { } p ? $" through proxy {p}" : "";
        return new KubeConnectionException(
            $"cannot reach the Kubernetes API at {config.Server}{proxy} ({Where}): {detail} Check the cluster's server URL and its certificate-authority, "
            + "tls-server-name, insecure-skip-tls-verify or proxy-url settings in the kubeconfig (kfp:kubeconfig), or choose another context (kfp:context).", e);
    }

    /// <summary>The body as a Status, or null when it is not one (HTML, another API's JSON, empty).</summary>
    internal static V1Status? ParseStatus(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }
        try
        {
            return KubernetesJson.Deserialize<V1Status>(body) is { Kind: "Status" } status ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Snippet(string body)
    {
        var text = body.Trim();
        return text.Length == 0 ? "" : $": {(text.Length > MaxSnippet ? text[..MaxSnippet] + "..." : text)}";
    }
}
