namespace Kfp.Kube.Models;

/// <summary>meta/v1 Status: the body of every API error (and of a successful delete).</summary>
public sealed record KubeStatus
{
    public string? Kind { get; init; }

    public string? ApiVersion { get; init; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    public string? Status { get; init; }

    public string? Message { get; init; }

    public string? Reason { get; init; }

    public KubeStatusDetails? Details { get; init; }

    public int? Code { get; init; }
}
