namespace Kfp.Kube.Models;

/// <summary>core/v1 Secret. <see cref="Data"/> values are raw bytes (base64 on the wire).</summary>
public sealed record Secret : IKubeObject
{
    public const string DockerConfigJsonType = "kubernetes.io/dockerconfigjson";
    public const string DockerConfigJsonKey = ".dockerconfigjson";

    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "Secret";

    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>Defaults to <c>Opaque</c> on the server when empty.</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, byte[]>? Data { get; init; }

    /// <summary>Write-only convenience: merged into <see cref="Data"/> by the server, never returned.</summary>
    public IReadOnlyDictionary<string, string>? StringData { get; init; }

    public bool? Immutable { get; init; }
}
