using System.Collections.Immutable;
using Kfp.Api.Auth;

namespace Kfp.Api;

/// <summary>How a <see cref="KfpClient"/> reaches a KFP API server.</summary>
public sealed record KfpClientOptions
{
    /// <summary>The KFP API base URL, e.g. <c>https://kubeflow.example.com/pipeline</c>; <c>/apis/v2beta1/…</c> is appended.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Default KFP profile namespace (multi-user mode) for calls that do not name one.</summary>
    public string? Namespace { get; init; }

    /// <summary>Bearer token source; null sends no <c>Authorization</c> header.</summary>
    public IKfpTokenSource? Token { get; init; }

    /// <summary>Extra headers sent on every request (e.g. <c>Cookie</c> for a Dex/oauth2-proxy session).
    /// Checked by <see cref="ValidateHeaders"/> when the client is built.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>PEM of the CA certificate(s) that sign the server's certificate; null uses the system roots.</summary>
    public string? CaCertificate { get; init; }

    /// <summary>Accept any server certificate. For test clusters only.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Time limit of one HTTP attempt (not of the retries together; see <see cref="Deadline"/>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit of one operation: every attempt, retry delay and lookup of one client call together (a create
    /// resolved by lookup included). When it runs out the call fails with the time spent in its message.
    /// </summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);

    public KfpRetryPolicy Retry { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Handler to send requests through (tests); when set, the TLS options are not applied.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Source of jitter in [0,1) for retry delays; tests may fix it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <c>kfp:headers</c> and the header when a header name is not a
    /// valid HTTP token (or cannot go on a request) or a value holds CR, LF or another control character, so
    /// nothing can add a header the user did not write. The provider's CheckConfig uses the same check.
    /// </summary>
    public static void ValidateHeaders(IReadOnlyDictionary<string, string>? headers)
    {
        if (HeaderProblems(headers) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(headers));
        }
    }

    /// <summary>What <see cref="ValidateHeaders"/> would refuse, one sentence per header; empty when all are fine.</summary>
    public static IReadOnlyList<string> HeaderProblems(IReadOnlyDictionary<string, string>? headers) =>
        Http.HeaderRules.Problems(headers ?? ImmutableDictionary<string, string>.Empty);
}
