using System.Net;
using System.Text;
using System.Text.Json;

namespace Kfp.Api;

/// <summary>
/// Reads a KFP error answer: a grpc-gateway <c>google.rpc.Status</c> (<c>{code,message,details}</c>), the upload
/// endpoints' <c>{error_message,error_details}</c>, or plain text.
/// </summary>
internal static class ErrorBodyReader
{
    private const int MaxPlainText = 500;

    public static (int? GrpcCode, string Message) Read(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0)
        {
            return (null, "");
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return FromObject(doc.RootElement);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the upload handler answers some failures with http.Error plain text.
        }
        return (null, text.Length > MaxPlainText ? text[..MaxPlainText] + "…" : text);
    }

    /// <summary>
    /// True when <paramref name="body"/> is one of KFP's own error bodies: a grpc-gateway status (a gRPC
    /// <c>code</c> from 0 to 16, a string <c>message</c>, no Kubernetes <c>kind</c>) or the upload handler's <c>error_message</c>. A proxy's or another
    /// service's 404 page is not, so it can never be read as "the object is gone".
    /// </summary>
    public static bool IsKfpErrorBody(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            // A gRPC code (0-16), not an HTTP status: a Kubernetes Status ({"kind":"Status","code":404,"message":...})
            // and many other APIs' errors also have a numeric code and a message.
            var status = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var code) && code is >= 0 and <= 16
                && root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                && !root.TryGetProperty("kind", out _);
            return status || (root.TryGetProperty("error_message", out var u) && u.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static KfpErrorKind KindOf(int? grpcCode, HttpStatusCode status) => grpcCode switch
    {
        3 => KfpErrorKind.InvalidArgument,
        5 => KfpErrorKind.NotFound,
        6 => KfpErrorKind.AlreadyExists,
        7 => KfpErrorKind.PermissionDenied,
        9 => KfpErrorKind.FailedPrecondition,
        10 => KfpErrorKind.Aborted,
        12 => KfpErrorKind.Unimplemented,
        13 => KfpErrorKind.Internal,
        14 => KfpErrorKind.Unavailable,
        16 => KfpErrorKind.Unauthenticated,
        4 => KfpErrorKind.Timeout,
        8 => KfpErrorKind.RateLimited,
        _ => status switch
        {
            HttpStatusCode.BadRequest => KfpErrorKind.InvalidArgument,
            HttpStatusCode.Unauthorized => KfpErrorKind.Unauthenticated,
            HttpStatusCode.Forbidden => KfpErrorKind.PermissionDenied,
            HttpStatusCode.NotFound => KfpErrorKind.NotFound,
            HttpStatusCode.Conflict => KfpErrorKind.AlreadyExists,
            HttpStatusCode.TooManyRequests => KfpErrorKind.RateLimited,
            HttpStatusCode.NotImplemented => KfpErrorKind.Unimplemented,
            HttpStatusCode.ServiceUnavailable => KfpErrorKind.Unavailable,
            HttpStatusCode.GatewayTimeout => KfpErrorKind.Timeout,
            >= HttpStatusCode.InternalServerError => KfpErrorKind.Internal,
            _ => KfpErrorKind.Unknown,
        },
    };

    private static (int?, string) FromObject(JsonElement root)
    {
        int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci) ? ci : null;
        // The nested status in details carries the short, user-facing message.
        if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.ValueKind == JsonValueKind.Object && Str(detail, "message") is { Length: > 0 } shortMessage)
                {
                    return (code, shortMessage);
                }
            }
        }
        if (Str(root, "message") is { Length: > 0 } message)
        {
            return (code, message);
        }
        if (Str(root, "error_message") is { Length: > 0 } uploadMessage)
        {
            return (code, uploadMessage);
        }
        return (code, Str(root, "error") ?? "");
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
