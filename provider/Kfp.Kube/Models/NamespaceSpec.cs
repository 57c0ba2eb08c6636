namespace Kfp.Kube.Models;

/// <summary>core/v1 NamespaceSpec.</summary>
public sealed record NamespaceSpec
{
    public IReadOnlyList<string>? Finalizers { get; init; }
}
