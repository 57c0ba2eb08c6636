namespace Kfp.Kube.Models;

/// <summary>core/v1 ServiceAccount.</summary>
public sealed record ServiceAccount : IKubeObject
{
    public string ApiVersion { get; init; } = "v1";

    public string Kind { get; init; } = "ServiceAccount";

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyList<ObjectReference>? Secrets { get; init; }

    /// <summary>An atomic list: a merge patch or apply replaces all of it (use the read-modify-write helper).</summary>
    public IReadOnlyList<LocalObjectReference>? ImagePullSecrets { get; init; }

    public bool? AutomountServiceAccountToken { get; init; }
}
