namespace Kfp.Kube.Models;

/// <summary>core/v1 ObjectReference (the server keeps only <see cref="Name"/> in ServiceAccount.secrets).</summary>
public sealed record ObjectReference
{
    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public string? Kind { get; init; }

    public string? ApiVersion { get; init; }

    public string? Uid { get; init; }
}
