using System.Net.Http.Headers;
using System.Text;

namespace Kfp.Registry;

/// <summary>Request building and answer checks shared by the registry client's send path.</summary>
internal static class RegistryRequests
{
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, IReadOnlyList<string> accept, AuthenticationHeaderValue? authorization)
    {
        var request = new HttpRequestMessage(method, uri);
        foreach (var type in accept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        request.Headers.Authorization = authorization;
        return request;
    }

    public static bool HasCredentials(RegistryCredentials? credentials) =>
        credentials is not null && (!string.IsNullOrEmpty(credentials.Username) || !string.IsNullOrEmpty(credentials.Password));

    public static AuthenticationHeaderValue Basic(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    /// <summary>A 200 HTML page (a web UI's catch-all route) is not a registry's <c>/v2/</c>.</summary>
    public static bool LooksLikeWebPage(HttpResponseMessage response) =>
        !response.Headers.Contains("Docker-Distribution-API-Version") && response.Content.Headers.ContentType?.MediaType == "text/html";
}
