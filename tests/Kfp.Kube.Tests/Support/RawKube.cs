using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Kube.Tests.Support;

/// <summary>Plain HTTP against the emulated API, for behaviour the typed client does not expose.</summary>
public sealed class RawKube(EmulatorFixture emu)
{
    public sealed record Response(int Code, JsonNode Body, HttpResponseHeaders Headers)
    {
        public string Reason => (string?)Body["reason"] ?? "";

        public string Message => (string?)Body["message"] ?? "";

        public string ResourceVersion => (string?)Body["metadata"]?["resourceVersion"] ?? "";
    }

    public async Task<Response> SendAsync(string method, string path, string? body = null, string contentType = "application/json")
    {
        using var http = emu.Http();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Response((int)response.StatusCode, JsonNode.Parse(text)!, response.Headers);
    }

    public Task<Response> CreateAsync(string resource, string json, string query = "") =>
        SendAsync("POST", $"/api/v1/namespaces/kubeflow/{resource}{query}", json);
}
