namespace Kfp.Kube.Models;

/// <summary>core/v1 NamespaceStatus: <c>Active</c> or <c>Terminating</c>.</summary>
public sealed record NamespaceStatus
{
    public string? Phase { get; init; }
}
