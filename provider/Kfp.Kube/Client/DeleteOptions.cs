namespace Kfp.Kube.Client;

/// <summary>Options of delete: preconditions and dry-run.</summary>
public sealed record DeleteOptions
{
    /// <summary>Delete only if the object still has this resourceVersion (else 409 Conflict).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Delete only if the object still has this uid (else 409 Conflict).</summary>
    public string? Uid { get; init; }

    public bool DryRun { get; init; }
}
