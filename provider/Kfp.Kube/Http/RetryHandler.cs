using System.Net;
namespace Kfp.Kube.Http;

/// <summary>
/// Retries 503 and 429 answers of idempotent requests (GET, PUT, DELETE, apply and merge patches), waiting what the
/// server asks for (<c>Retry-After</c>, else the Status' <c>details.retryAfterSeconds</c>) or an exponential backoff,
/// on the injected clock. Creates (POST) are never retried here: a lost answer must be resolved by a read.
/// </summary>
internal sealed class RetryHandler(TimeProvider time) : DelegatingHandler
{
    public const int MaxAttempts = 4;
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                || attempt == MaxAttempts || !IsIdempotent(request))
            {
                return response;
            }
            var delay = await DelayFor(response, attempt, cancellationToken);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    internal static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || (request.Method == HttpMethod.Patch && request.Content?.Headers.ContentType?.MediaType is "application/apply-patch+yaml" or "application/merge-patch+json");

    private async Task<TimeSpan> DelayFor(HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        TimeSpan? asked = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        if (asked is null)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (KubeErrors.ParseStatus(body) is { Details.RetryAfterSeconds: > 0 and var seconds })
            {
                asked = TimeSpan.FromSeconds(seconds);
            }
        }
        var delay = asked ?? FirstBackoff * Math.Pow(2, attempt - 1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }
}
