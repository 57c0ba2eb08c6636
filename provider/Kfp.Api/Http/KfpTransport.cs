using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Kfp.Api.Json;

namespace Kfp.Api.Http;

/// <summary>
/// The one place KFP HTTP happens: auth headers, per-attempt time limit, retries of idempotent calls, and
/// error answers turned into <see cref="KfpApiException"/>.
/// </summary>
internal sealed class KfpTransport : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("pulumi-kfp", typeof(KfpTransport).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient _http;
    private readonly KfpClientOptions _options;

    public KfpTransport(KfpClientOptions options)
    {
        _options = options;
        var handler = options.Handler ?? TlsHandlerFactory.Create(options);
        _http = new HttpClient(handler, disposeHandler: options.Handler is null)
        {
            BaseAddress = WithTrailingSlash(options.BaseAddress),
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<T> SendAsync<T>(KfpCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var body = await SendAsync(call, cancellationToken);
        return KfpJson.Deserialize(body, responseType, call);
    }

    /// <summary>Sends <paramref name="call"/>, retrying per policy; returns the body of the 2xx answer.</summary>
    public async Task<byte[]> SendAsync(KfpCall call, CancellationToken cancellationToken)
    {
        var attempts = call.Idempotent ? Math.Max(1, _options.Retry.MaxAttempts) : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(call, cancellationToken);
            }
            catch (KfpApiException e) when (e.IsTransient && attempt < attempts)
            {
                await Task.Delay(_options.Retry.DelayBefore(attempt + 1, _options.Jitter()), _options.Time, cancellationToken);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<byte[]> SendOnceAsync(KfpCall call, CancellationToken cancellationToken)
    {
        var endpoint = $"{call.Method} /{call.Path.Split('?')[0]}";
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = await BuildAsync(call, linked.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }
            var (code, message) = ErrorBodyReader.Read(body);
            var kind = ErrorBodyReader.KindOf(code, response.StatusCode);
            throw new KfpApiException(new KfpFailure(kind, response.StatusCode, code, message, call.Operation, endpoint, call.Subject));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"no answer within {_options.Timeout.TotalSeconds:0.###} s";
            throw new KfpApiException(new KfpFailure(KfpErrorKind.Timeout, null, null, message, call.Operation, endpoint, call.Subject), e);
        }
        catch (HttpRequestException e)
        {
            throw new KfpApiException(new KfpFailure(KfpErrorKind.Network, null, null, e.Message, call.Operation, endpoint, call.Subject), e);
        }
    }

    private async Task<HttpRequestMessage> BuildAsync(KfpCall call, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(call.Method, call.Path) { Content = call.Content?.Invoke() };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        foreach (var (name, value) in _options.Headers)
        {
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
