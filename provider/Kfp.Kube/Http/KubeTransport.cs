using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kfp.Kube.Auth;
using Kfp.Kube.Config;
using Kfp.Kube.Json;
using Kfp.Kube.Models;

namespace Kfp.Kube.Http;

/// <summary>
/// The one place HTTP happens: applies authentication, re-authenticates once after a 401 (exec plugins,
/// token files), and turns every non-2xx answer into a <see cref="KubeApiException"/> from its Status body.
/// </summary>
internal sealed class KubeTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubeAuth _auth;
    private readonly Uri _server;
    private readonly string _source;

    public KubeTransport(KubeClientConfig config, HttpMessageHandler handler, bool disposeHandler)
    {
        _auth = config.Auth;
        _source = config.Source.Length == 0 ? "" : $" (from {config.Source})";
        _server = new Uri(config.Server.ToString().TrimEnd('/') + "/");
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends the request and returns the response body of a 2xx answer.</summary>
    public async Task<string> SendAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(_server, request.PathAndQuery.TrimStart('/')));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.UserAgent.Add(new ProductInfoHeaderValue("pulumi-kfp", "0.1"));
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
            }
            await _auth.ApplyAsync(message, cancellationToken);
            using var response = await SendOnceAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }
            var code = (int)response.StatusCode;
            if (code == 401 && attempt == 0 && await _auth.RefreshAfterUnauthorizedAsync(cancellationToken))
            {
                continue;
            }
            throw new KubeApiException(code, ParseStatus(code, body), request.Describe());
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var detail = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new KubeApiException(
                $"cannot reach the Kubernetes API at {_server}{_source}: {detail} Check the cluster's server URL and its certificate-authority, tls-server-name or insecure-skip-tls-verify settings.", e);
        }
    }

    private static KubeStatus ParseStatus(int code, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, KubeJsonContext.Default.KubeStatus) is { Kind: "Status" } status)
            {
                return status;
            }
        }
        catch (JsonException)
        {
            // Not a Status body (a proxy's HTML page, say): described from the code below.
        }
        var snippet = body.Length > 200 ? body[..200] + "..." : body;
        return new KubeStatus { Code = code, Reason = "", Message = $"HTTP {code}: {snippet.Trim()}" };
    }
}
