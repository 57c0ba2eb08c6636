namespace Kfp.Kube.Models;

/// <summary>A list response (<c>SecretList</c>, ...): one page of items and the list metadata.</summary>
public sealed record KubeList<T>
    where T : class, IKubeObject
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ListMeta Metadata { get; init; } = new();

    public IReadOnlyList<T> Items { get; init; } = [];
}
