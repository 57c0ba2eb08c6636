namespace Kfp.Api.Http;

/// <summary>One KFP request as values: what to send, how to describe it in errors, whether it may be retried.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path below the base address with its query, e.g. <c>apis/v2beta1/experiments?page_size=5</c>.</param>
/// <param name="Operation">Verb phrase for errors, e.g. "create experiment".</param>
/// <param name="Subject">The object concerned, e.g. "'nightly'"; null for lists.</param>
internal sealed record KfpCall(HttpMethod Method, string Path, string Operation, string? Subject)
{
    /// <summary>Builds the body afresh for every attempt; null sends none.</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>Safe to send again after a transient failure.</summary>
    public bool Idempotent { get; init; }

    /// <summary>Part of the check that the host is the KFP API: sent without that check, and not retried after a
    /// timeout (a host that does not answer once is reported at once).</summary>
    public bool Probe { get; init; }

    public string Endpoint => $"{Method} /{Path.Split('?')[0]}";
}
