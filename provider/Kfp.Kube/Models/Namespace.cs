namespace Kfp.Kube.Models;

/// <summary>core/v1 Namespace (cluster-scoped).</summary>
public sealed record Namespace : IKubeObject
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Namespace";

    public ObjectMeta Metadata { get; init; } = new();

    public NamespaceSpec? Spec { get; init; }

    public NamespaceStatus? Status { get; init; }
}
