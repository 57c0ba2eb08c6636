using System.Text.RegularExpressions;

namespace Kfp.Registry;

/// <summary>
/// A parsed image reference <c>[registry[:port]/]repository[:tag][@digest]</c>. The first component is a registry
/// when it has a '.' or a ':' or is <c>localhost</c>; otherwise the image is on Docker Hub (<c>docker.io</c>), where
/// a one-part name is under <c>library/</c>. Without tag or digest the tag is <c>latest</c>.
/// </summary>
/// <param name="Registry">Host and optional port, e.g. <c>ghcr.io</c>, <c>127.0.0.1:5000</c>, <c>docker.io</c>.</param>
/// <param name="Repository">e.g. <c>team/trainer</c>, <c>library/python</c>.</param>
/// <param name="Tag">The tag; null when only a digest was given.</param>
/// <param name="Digest">The digest (<c>sha256:…</c>) when given.</param>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "docker.io";

    /// <summary>The host the Docker Hub API is served from.</summary>
    public const string DockerHubApiHost = "registry-1.docker.io";

    /// <summary>The tag or, when set, the digest: what <c>/v2/&lt;name&gt;/manifests/&lt;reference&gt;</c> takes.</summary>
    public string Reference => Digest ?? Tag!;

    /// <summary>Where the registry API is: <see cref="DockerHubApiHost"/> for Docker Hub, else <see cref="Registry"/>.</summary>
    public string ApiHost => Registry == DockerHub ? DockerHubApiHost : Registry;

    /// <exception cref="FormatException">The text is not an image reference; the message says which part is wrong.</exception>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            throw new FormatException($"'{text}' is not an image reference: it is empty or contains spaces");
        }
        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                throw new FormatException($"'{text}' is not an image reference: '{digest}' is not a digest (expected e.g. sha256:<64 hex digits>)");
            }
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw new FormatException($"'{text}' is not an image reference: '{tag}' is not a valid tag (letters, digits, '_', '.', '-', at most 128)");
            }
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : rest[..slash];
        var (registry, repository) = slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            ? (first, rest[(slash + 1)..])
            : (DockerHub, rest);
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }
        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }
        if (!RepositoryPattern().IsMatch(repository))
        {
            throw new FormatException($"'{text}' is not an image reference: repository '{repository}' must be lowercase letters, digits and separators ('.', '_', '-', '/')");
        }
        return new ImageReference(registry, repository, tag ?? (digest is null ? "latest" : null), digest);
    }

    /// <summary>The canonical form, e.g. <c>docker.io/library/python:3.12</c> or <c>ghcr.io/a/b@sha256:…</c>.</summary>
    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    [GeneratedRegex("^[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$")]
    private static partial Regex DigestPattern();
}
