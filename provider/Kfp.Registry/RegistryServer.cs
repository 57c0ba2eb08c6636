namespace Kfp.Registry;

/// <summary>
/// Turns a server as users write it (<c>ghcr.io</c>, <c>https://index.docker.io/v1/</c>, <c>127.0.0.1:5000</c>) into
/// the host the <c>/v2/</c> API is on and its base URL: https unless insecure (plain http).
/// </summary>
public static class RegistryServer
{
    /// <summary>The host and port: scheme and path dropped, Docker Hub's names mapped to its API host.</summary>
    public static string ApiHost(string server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var host = server.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }
        return host.ToLowerInvariant() is ImageReference.DockerHub or "index.docker.io" ? ImageReference.DockerHubApiHost : host;
    }

    /// <exception cref="FormatException">The server is not a host[:port].</exception>
    public static Uri BaseUri(string server, bool insecure)
    {
        var host = ApiHost(server);
        if (host.Length == 0 || !Uri.TryCreate($"{(insecure ? "http" : "https")}://{host}/", UriKind.Absolute, out var uri))
        {
            throw new FormatException($"'{server}' is not a registry server: use a host and optional port, e.g. ghcr.io or 127.0.0.1:5000");
        }
        return uri;
    }
}
