using System.Net;

namespace Kfp.Registry;

/// <summary>Turns a failed registry answer into the typed exception, with a message that names the server and what to do.</summary>
internal static class RegistryErrors
{
    public static RegistryException For(HttpResponseMessage response, string server, string? username, string request)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new RegistryAuthenticationException(string.IsNullOrEmpty(username)
                ? $"registry {server} requires credentials ({request} answered HTTP {status}); set a username and password"
                : $"registry {server} refused the login of user '{username}' ({request} answered HTTP {status}): check the username and password")
            { StatusCode = status };
        }
        if (status >= 500)
        {
            return new RegistryException($"registry {server} failed: {request} answered HTTP {status}; try again later") { StatusCode = status };
        }
        if (!response.Headers.Contains("Docker-Distribution-API-Version"))
        {
            return new NotARegistryException(
                $"{server} is not a container registry: {request} answered HTTP {status}{ContentType(response)}; set the server to the registry's host[:port], e.g. ghcr.io")
            { StatusCode = status };
        }
        return new RegistryException($"registry {server}: {request} answered HTTP {status}") { StatusCode = status };
    }

    /// <summary>
    /// A 404 is "no such manifest" only when the registry API says so: its <c>Docker-Distribution-API-Version</c>
    /// header or an OCI error body (<c>{"errors":[…]}</c>). Anything else is a server that is not a registry.
    /// </summary>
    public static RegistryException ForManifest(HttpResponseMessage response, ImageReference image, string? username, byte[] body)
    {
        var request = $"{response.RequestMessage?.Method.Method ?? "HEAD"} /v2/{image.Repository}/manifests/{image.Reference}";
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            return For(response, image.Registry, username, request);
        }
        if (!IsRegistryAnswer(response, body))
        {
            return new NotARegistryException(
                $"{image.Registry} is not a container registry: {request} answered HTTP 404{ContentType(response)} without the registry API's " +
                "header or error body; check the image's registry host (and the registry's server address)")
            { StatusCode = 404 };
        }
        return new ManifestNotFoundException($"image {image} not found: registry {image.Registry} has no manifest '{image.Reference}' in repository '{image.Repository}'; check the name and tag")
        {
            StatusCode = 404,
        };
    }

    /// <summary>The answer comes from a registry's <c>/v2/</c> API: its version header, or an OCI error body.</summary>
    public static bool IsRegistryAnswer(HttpResponseMessage response, byte[] body)
    {
        if (response.Headers.Contains("Docker-Distribution-API-Version"))
        {
            return true;
        }
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Array;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string ContentType(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type ? $" ({type})" : "";
}
