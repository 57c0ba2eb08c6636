using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Raw HTTP/2 requests to a gRPC server, for checks below the client (headers, trailers, bad frames).</summary>
internal static class RawGrpc
{
    /// <summary>One length-prefixed message: the compressed flag (0), the length (big-endian), the bytes.</summary>
    public static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<RawResponse> PostAsync(int port, string path, byte[] body, string contentType = "application/grpc")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{path}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        var trailers = response.TrailingHeaders.Concat(response.Headers.Where(h => h.Key.StartsWith("grpc-", StringComparison.Ordinal)))
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, content, trailers);
    }

    internal sealed record RawResponse(
        HttpStatusCode StatusCode, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Trailers);
}
