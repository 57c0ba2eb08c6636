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

    public static RegistryException ForManifest(HttpResponseMessage response, ImageReference image, string? username) =>
        response.StatusCode == HttpStatusCode.NotFound
            ? new ManifestNotFoundException($"image {image} not found: registry {image.Registry} has no manifest '{image.Reference}' in repository '{image.Repository}'; check the name and tag")
            {
                StatusCode = 404,
            }
            : For(response, image.Registry, username, $"HEAD /v2/{image.Repository}/manifests/{image.Reference}");

    private static string ContentType(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type ? $" ({type})" : "";
}
