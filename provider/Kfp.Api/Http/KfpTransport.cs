using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Kfp.Api.Json;

namespace Kfp.Api.Http;

/// <summary>
/// The one place KFP HTTP happens: the check that the host is the KFP API before the first call, auth headers,
/// per-attempt time limit within the operation's deadline, retries of idempotent calls (honouring
/// <c>Retry-After</c>), and error answers turned into <see cref="KfpApiException"/>.
/// </summary>
internal sealed class KfpTransport : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("pulumi-kfp", typeof(KfpTransport).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient _http;
    private readonly KfpClientOptions _options;
    private readonly TlsDiagnostics _tls = new();

    public KfpTransport(KfpClientOptions options)
    {
        _options = options;
        var handler = options.Handler ?? TlsHandlerFactory.Create(options, _tls);
        _http = new HttpClient(handler, disposeHandler: options.Handler is null)
        {
            BaseAddress = WithTrailingSlash(options.BaseAddress),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Runs before the first non-probe call of every operation until it succeeds (the host check).</summary>
    public Func<CancellationToken, Task>? BeforeFirstCall { get; set; }

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<T> SendAsync<T>(KfpCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var body = await SendAsync(call, cancellationToken);
        return KfpJson.Deserialize(body, responseType, call);
    }

    /// <summary>Sends <paramref name="call"/>, retrying per policy; returns the body of the 2xx answer.</summary>
    public async Task<byte[]> SendAsync(KfpCall call, CancellationToken cancellationToken)
    {
        var scope = OperationScope.Join(_options);
        if (!call.Probe && BeforeFirstCall is { } check)
        {
            await check(cancellationToken);
        }
        var attempts = call.Idempotent ? Math.Max(1, _options.Retry.MaxAttempts) : 1;
        var reauthenticated = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(call, scope, cancellationToken);
            }
            catch (KfpApiException e) when (e.StatusCode == HttpStatusCode.Unauthorized && !reauthenticated && _options.Token is not null)
            {
                // A 401 means KFP did nothing: ask the token source for a fresh token (a rotated token file) and, when
                // it changed, send the call once more, idempotent or not. This is not a retry of a failure.
                reauthenticated = true;
                if (!await _options.Token.RefreshAfterUnauthorizedAsync(cancellationToken))
                {
                    throw scope.Annotate(e);
                }
                attempt--;
            }
            catch (KfpApiException e) when (e.IsTransient && attempt < attempts && !(call.Probe && e.Kind == KfpErrorKind.Timeout))
            {
                var delay = RetryDelay(e, attempt + 1);
                if (delay is null)
                {
                    throw scope.Annotate(e);
                }

                if (delay.Value >= scope.Remaining)
                {
                    throw scope.Annotate(scope.OutOfTime(e));
                }
                await Task.Delay(delay.Value, _options.Time, cancellationToken);
            }
            catch (KfpApiException e)
            {
                throw scope.Annotate(e);
            }
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/>: the policy's backoff, or the server's
    /// <c>Retry-After</c> when longer; null when the server asks for more than the policy allows.</summary>
    public TimeSpan? RetryDelay(KfpApiException e, int attempt)
    {
        var backoff = _options.Retry.DelayBefore(attempt, _options.Jitter());
        if (e.RetryAfter is not { } asked)
        {
            return backoff;
        }
        return asked > _options.Retry.MaxRetryAfter ? null : asked > backoff ? asked : backoff;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Whether <paramref name="baseAddress"/> (another guess at the KFP host) answers healthz like KFP. One try, no errors.</summary>
    public async Task<bool> AnswersHealthzAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = await BuildAsync(new KfpCall(HttpMethod.Get, new Uri(baseAddress, KfpQuery.Path("healthz")).AbsoluteUri, "", null), linked.Token);
            using var response = await _http.SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return response.IsSuccessStatusCode && AnswerCheck.NotKfp(response, body, baseAddress) is null && AnswerCheck.LooksLikeHealthz(body);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task<byte[]> SendOnceAsync(KfpCall call, OperationScope scope, CancellationToken cancellationToken)
    {
        var remaining = scope.Remaining;
        if (remaining <= TimeSpan.Zero)
        {
            throw new KfpApiException(Failure(call, KfpErrorKind.Timeout, null, null,
                $"the operation's deadline of {KfpFailure.Seconds(scope.Length)} ran out before an answer"));
        }
        var limit = remaining < _options.Timeout ? remaining : _options.Timeout;
        scope.CountAttempt();
        using var timeout = new CancellationTokenSource(limit, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = await BuildAsync(call, linked.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            if (AnswerCheck.NotKfp(response, body, _http.BaseAddress!) is { } notKfp)
            {
                throw new KfpApiException(Failure(call, KfpErrorKind.NotKfpApi, response.StatusCode, null, notKfp));
            }
            if (response.IsSuccessStatusCode)
            {
                return body;
            }
            var (code, message) = ErrorBodyReader.Read(body);
            var kind = ErrorBodyReader.KindOf(code, response.StatusCode);
            throw new KfpApiException(Failure(call, kind, response.StatusCode, code, message) with { RetryAfter = AnswerCheck.RetryAfter(response, _options.Time) });
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = limit < _options.Timeout
                ? $"no answer within {KfpFailure.Seconds(limit)}, when the operation's deadline of {KfpFailure.Seconds(scope.Length)} ran out"
                : $"no answer within {KfpFailure.Seconds(limit)} (the request timeout)";
            throw new KfpApiException(Failure(call, KfpErrorKind.Timeout, null, null, message), e);
        }
        catch (HttpRequestException e)
        {
            if (_tls.Explain(e, request.RequestUri ?? _http.BaseAddress!) is { } tls)
            {
                throw new KfpApiException(Failure(call, KfpErrorKind.Tls, null, null, tls), e);
            }
            throw new KfpApiException(Failure(call, KfpErrorKind.Network, null, null, e.Message), e);
        }
    }

    private static KfpFailure Failure(KfpCall call, KfpErrorKind kind, HttpStatusCode? status, int? code, string message) =>
        new(kind, status, code, message, call.Operation, call.Endpoint, call.Subject);

    private async Task<HttpRequestMessage> BuildAsync(KfpCall call, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(call.Method, call.Path) { Content = call.Content?.Invoke() };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        foreach (var (name, value) in _options.Headers)
        {
            // Checked by KfpClientOptions.ValidateHeaders when the client was built.
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (_options.Token is { } source && await source.GetTokenAsync(cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
