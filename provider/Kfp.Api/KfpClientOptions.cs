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

    /// <summary>Extra headers sent on every request (e.g. <c>Cookie</c> for a Dex/oauth2-proxy session).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>PEM of the CA certificate(s) that sign the server's certificate; null uses the system roots.</summary>
    public string? CaCertificate { get; init; }

    /// <summary>Accept any server certificate. For test clusters only.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Time limit of one HTTP attempt (not of the retries together).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public KfpRetryPolicy Retry { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Handler to send requests through (tests); when set, the TLS options are not applied.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Source of jitter in [0,1) for retry delays; tests may fix it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
