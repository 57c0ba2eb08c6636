namespace Kfp.Kube.Client;

/// <summary>Options of delete: preconditions, dry-run and what happens to dependents (a Job's pods).</summary>
public sealed record DeleteOptions
{
    /// <summary>Delete only if the object still has this resourceVersion (else 409 Conflict).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Delete only if the object still has this uid (else 409 Conflict).</summary>
    public string? Uid { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>Foreground</c>, <c>Background</c> or <c>Orphan</c>; null lets the server decide (Jobs orphan their pods).</summary>
    public string? PropagationPolicy { get; init; }
}
