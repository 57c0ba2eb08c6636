using System.Collections.Concurrent;

namespace Kfp.Api.Tests.Support;

/// <summary>Forwards to the emulator and records every request (method, URI, headers, body); the client's host check
/// (<c>GET healthz</c> before its first call) only when <see cref="RecordHealthz"/> is set.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Optional hook run after the real answer arrived: may replace it or throw (answer lost).</summary>
    public Func<HttpRequestMessage, HttpResponseMessage, int, HttpResponseMessage>? After { get; init; }

    public bool RecordHealthz { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RecordHealthz && request.RequestUri!.AbsolutePath.EndsWith("/apis/v2beta1/healthz", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        var response = await base.SendAsync(request, cancellationToken);
        return After is null ? response : After(request, response, Requests.Count);
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
