using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// A minimal unary gRPC client over <see cref="HttpClient"/>: HTTP/2 cleartext with prior knowledge,
/// the 5-byte framing, and the status read from the trailers (or the headers of a trailers-only answer).
/// </summary>
internal sealed class GrpcUnaryClient : IDisposable
{
    private readonly HttpClient _http;

    public GrpcUnaryClient(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Calls <paramref name="path"/>; a non-OK status throws <see cref="GrpcCallException"/>.</summary>
    public async Task<TResponse> CallAsync<TResponse>(
        string path, IMessage request, MessageParser<TResponse> parser, CancellationToken ct)
        where TResponse : IMessage<TResponse>
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFraming.Encode(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue(GrpcHeaders.Trailers));

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcCallException(
                StatusCode.Internal, $"{path} answered HTTP {(int)response.StatusCode} instead of 200", null);
        }

        byte[]? payload;
        await using (var body = await response.Content.ReadAsStreamAsync(ct))
        {
            payload = await GrpcFraming.ReadMessageAsync(body, GrpcHeaders.MaxMessageSize, ct);
            await body.CopyToAsync(Stream.Null, ct);
        }

        ThrowIfFailed(response, path);
        return payload is null
            ? throw new GrpcCallException(StatusCode.Internal, $"{path} answered OK without a message", null)
            : parser.ParseFrom(payload);
    }

    public void Dispose() => _http.Dispose();

    private static void ThrowIfFailed(HttpResponseMessage response, string path)
    {
        var code = Single(response, GrpcHeaders.Status)
            ?? throw new GrpcCallException(StatusCode.Internal, $"{path} answered without grpc-status", null);
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new GrpcCallException(StatusCode.Internal, $"{path} answered an invalid grpc-status '{code}'", null);
        }

        if (status == (int)StatusCode.OK)
        {
            return;
        }

        var text = PercentEncoding.Decode(Single(response, GrpcHeaders.Message) ?? string.Empty);
        var details = Single(response, GrpcHeaders.StatusDetails);
        throw new GrpcCallException((StatusCode)status, text, details is null ? null : GrpcStatusDetails.Decode(details));
    }

    private static string? Single(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;
}
