using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Kfp.Registry;

/// <summary>
/// An OCI distribution (<c>/v2/</c>) client. Every request goes through <see cref="SendAsync"/>, which follows a
/// 401's challenge once: a Bearer challenge to the token endpoint (with Basic credentials when there are some),
/// a Basic challenge by sending the credentials directly. Errors are typed (see <see cref="RegistryException"/>).
/// </summary>
public sealed class RegistryClient : IRegistryClient, IDisposable
{
    /// <summary>What a manifest HEAD accepts: OCI and Docker v2 manifests and indexes.</summary>
    public static readonly IReadOnlyList<string> ManifestMediaTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;

    public RegistryClient()
        : this(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <param name="handler">The transport (tests and TLS settings); disposed with the client.</param>
    public RegistryClient(HttpMessageHandler handler)
        : this(handler, new RegistryClientOptions())
    {
    }

    /// <param name="handler">The transport (tests and TLS settings); disposed with the client.</param>
    /// <param name="options">Request timeout and per-operation deadline.</param>
    public RegistryClient(HttpMessageHandler handler, RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task VerifyLoginAsync(RegistryCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = new Uri(RegistryServer.BaseUri(credentials.Server, credentials.Insecure), "v2/");
        using var deadline = Deadline(cancellationToken);
        cancellationToken = deadline.Token;
        using var response = await SendAsync(HttpMethod.Get, uri, credentials, null, [], cancellationToken);
        if (response.IsSuccessStatusCode && !RegistryRequests.LooksLikeWebPage(response))
        {
            return;
        }
        throw RegistryErrors.For(response, credentials.Server, credentials.Username, "GET /v2/");
    }

    public async Task<string> ResolveDigestAsync(ImageReference image, RegistryCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Digest is { } pinned)
        {
            return pinned;
        }
        var uri = new Uri(RegistryServer.BaseUri(image.ApiHost, credentials?.Insecure ?? false), $"v2/{image.Repository}/manifests/{image.Reference}");
        var scope = $"repository:{image.Repository}:pull";
        using var deadline = Deadline(cancellationToken);
        cancellationToken = deadline.Token;
        using (var head = await SendAsync(HttpMethod.Head, uri, credentials, scope, ManifestMediaTypes, cancellationToken))
        {
            if (head.IsSuccessStatusCode && head.Headers.TryGetValues("Docker-Content-Digest", out var digests) && digests.FirstOrDefault() is { Length: > 0 } digest)
            {
                return digest;
            }
            if (!head.IsSuccessStatusCode && (head.StatusCode != HttpStatusCode.NotFound || RegistryErrors.IsRegistryAnswer(head, [])))
            {
                throw RegistryErrors.ForManifest(head, image, credentials?.Username, []);
            }
            // A 404 without the registry's header: the GET's body tells a registry's MANIFEST_UNKNOWN from another server's page.
        }
        // No digest header (allowed by the spec): the digest is the SHA-256 of the manifest bytes.
        using var get = await SendAsync(HttpMethod.Get, uri, credentials, scope, ManifestMediaTypes, cancellationToken);
        var bytes = await get.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!get.IsSuccessStatusCode)
        {
            throw RegistryErrors.ForManifest(get, image, credentials?.Username, bytes);
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The one send method: the request, and on 401 the challenge followed once with the credentials.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, RegistryCredentials? credentials, string? scope, IReadOnlyList<string> accept, CancellationToken cancellationToken)
    {
        var response = await TransportAsync(RegistryRequests.Create(method, uri, accept, null), uri.Authority, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || AuthChallenge.From(response.Headers) is not { } challenge)
        {
            return response;
        }
        AuthenticationHeaderValue authorization;
        if (challenge.IsBearer)
        {
            response.Dispose();
            authorization = new AuthenticationHeaderValue("Bearer", await FetchTokenAsync(challenge, credentials, scope, uri.Authority, cancellationToken));
        }
        else if (RegistryRequests.HasCredentials(credentials))
        {
            response.Dispose();
            authorization = RegistryRequests.Basic(credentials!);
        }
        else
        {
            return response;
        }
        return await TransportAsync(RegistryRequests.Create(method, uri, accept, authorization), uri.Authority, cancellationToken);
    }

    private async Task<string> FetchTokenAsync(AuthChallenge challenge, RegistryCredentials? credentials, string? scope, string server, CancellationToken cancellationToken)
    {
        if (challenge.Realm is not { } realm || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
        {
            throw new NotARegistryException($"registry {server} asked for a Bearer token without a valid realm ('{challenge.Realm}'); it does not follow the registry token protocol");
        }
        var query = new List<string>();
        if (challenge.Parameters.GetValueOrDefault("service") is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }
        if ((challenge.Parameters.GetValueOrDefault("scope") ?? scope) is { } wanted)
        {
            query.Add("scope=" + Uri.EscapeDataString(wanted));
        }
        if (RegistryRequests.HasCredentials(credentials) && !string.IsNullOrEmpty(credentials!.Username))
        {
            query.Add("account=" + Uri.EscapeDataString(credentials.Username));
        }
        var tokenUri = new UriBuilder(realmUri) { Query = string.Join('&', query) }.Uri;
        using var response = await TransportAsync(
            RegistryRequests.Create(HttpMethod.Get, tokenUri, [], RegistryRequests.HasCredentials(credentials) ? RegistryRequests.Basic(credentials!) : null), realmUri.Authority, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw RegistryErrors.For(response, server, credentials?.Username, $"GET {realmUri.GetLeftPart(UriPartial.Path)} (token)");
        }
        TokenResponse? token;
        try
        {
            token = await System.Text.Json.JsonSerializer.DeserializeAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken), RegistryJsonContext.Default.TokenResponse, cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new NotARegistryException($"registry {server}: the token endpoint {realmUri.GetLeftPart(UriPartial.Path)} did not answer JSON", e);
        }
        return token?.Value is { Length: > 0 } value
            ? value
            : throw new NotARegistryException($"registry {server}: the token endpoint {realmUri.GetLeftPart(UriPartial.Path)} answered without a token");
    }

    /// <summary>The operation's deadline, linked to the caller's token; <see cref="TransportAsync"/> tells the two apart.</summary>
    private OperationDeadline Deadline(CancellationToken cancellationToken) => new(_options, cancellationToken);

    private async Task<HttpResponseMessage> TransportAsync(HttpRequestMessage request, string server, CancellationToken cancellationToken)
    {
        using (request)
        {
            var started = _options.Time.GetTimestamp();
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                return await _http.SendAsync(request, linked.Token);
            }
            catch (OperationCanceledException e) when (!OperationDeadline.CallerCancelled())
            {
                var elapsed = _options.Time.GetElapsedTime(started).TotalSeconds;
                var limit = timeout.IsCancellationRequested
                    ? $"the request timeout of {_options.RequestTimeout.TotalSeconds:0.###} s"
                    : $"the operation's deadline of {_options.Deadline.TotalSeconds:0.###} s";
                throw new RegistryUnreachableException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"registry {server} did not answer {request.Method} {request.RequestUri!.AbsolutePath} within {limit} (waited {elapsed:0.###} s); check the server address and the network"), e);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryUnreachableException(
                    $"cannot reach registry {server} ({request.RequestUri!.GetLeftPart(UriPartial.Authority)}): {e.Message}; check the server address and the network, " +
                    "and set `insecure` for a registry served over plain HTTP", e);
            }
        }
    }
}
