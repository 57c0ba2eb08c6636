using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kfp.Api.Http;

namespace Kfp.Api.Json;

/// <summary>Request bodies and response parsing with the source-generated <see cref="KfpJsonContext"/>.</summary>
internal static class KfpJson
{
    public static Func<HttpContent> Body<T>(T value, JsonTypeInfo<T> type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        return () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        };
    }

    public static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type, KfpCall call)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, type)
                ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException e)
        {
            var endpoint = $"{call.Method} /{call.Path.Split('?')[0]}";
            throw new KfpApiException(
                new KfpFailure(KfpErrorKind.Unknown, System.Net.HttpStatusCode.OK, null,
                    $"the answer is not the expected JSON ({e.Message}); is kfp:host the KFP API (…/pipeline)?",
                    call.Operation, endpoint, call.Subject), e);
        }
    }
}
