using System.Net;
using System.Net.Http.Headers;

namespace Kfp.Provider.Tests.Protocol.Grpc;

/// <summary>Raw HTTP/2 requests to a gRPC server, for checks below the client (headers, trailers, bad frames).</summary>
internal static class RawGrpc
{
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
        return new RawResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            content,
            response.TrailingHeaders.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    internal sealed record RawResponse(
        HttpStatusCode StatusCode, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Trailers);
}
