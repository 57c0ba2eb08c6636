using System.Net;

namespace Kfp.Api.Http;

/// <summary>Reads what an answer says about the server: whether it is the KFP API at all, and when to retry.</summary>
internal static class AnswerCheck
{
    /// <summary>
    /// Why the answer is not the KFP API's, or null when it may be: a 404 whose body is not KFP's error JSON
    /// (a proxy's page, another service, a missing path prefix), or a web page instead of JSON.
    /// </summary>
    public static string? NotKfp(HttpResponseMessage response, byte[] body, Uri baseAddress)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        var described = type is null ? "no content type" : type;
        var final = response.RequestMessage?.RequestUri;
        var redirected = final is not null && !baseAddress.IsBaseOf(final)
            ? $" after a redirect to {final.GetLeftPart(UriPartial.Path)} (a sign-in page? then set kfp:token or kfp:headers)"
            : "";
        if (response.StatusCode == HttpStatusCode.NotFound && !ErrorBodyReader.IsKfpErrorBody(body))
        {
            return $"{baseAddress.GetLeftPart(UriPartial.Path)} answered HTTP 404 with {described}{redirected}, not KFP's error JSON, so this is not the KFP API";
        }
        if (response.IsSuccessStatusCode && type is "text/html")
        {
            return $"{baseAddress.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode} with a web page ({described}){redirected} instead of KFP's JSON";
        }
        return null;
    }

    /// <summary>A healthz answer of KFP: a JSON object with <c>multi_user</c> or <c>tag_name</c>.</summary>
    public static bool LooksLikeHealthz(byte[] body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && (doc.RootElement.TryGetProperty("multi_user", out _) || doc.RootElement.TryGetProperty("tag_name", out _));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The server's <c>Retry-After</c> (seconds or a date) as a wait from now; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not { } retry)
        {
            return null;
        }
        if (retry.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (retry.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
