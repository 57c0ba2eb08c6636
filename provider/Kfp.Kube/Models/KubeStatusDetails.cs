namespace Kfp.Kube.Models;

/// <summary>meta/v1 StatusDetails.</summary>
public sealed record KubeStatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<KubeStatusCause>? Causes { get; init; }

    public int? RetryAfterSeconds { get; init; }
}
