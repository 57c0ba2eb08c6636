namespace Kfp.Kube.Models;

/// <summary>core/v1 ConfigMap.</summary>
public sealed record ConfigMap : IKubeObject
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "ConfigMap";

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public IReadOnlyDictionary<string, byte[]>? BinaryData { get; init; }

    public bool? Immutable { get; init; }
}
