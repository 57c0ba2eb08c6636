namespace Kfp.Kube.Client;

/// <summary>Options of create, replace and merge patch.</summary>
public sealed record WriteOptions
{
    /// <summary>Validate and answer as if written, but store nothing (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>The manager recorded in managedFields for the changed fields.</summary>
    public string FieldManager { get; init; } = ApplyOptions.DefaultFieldManager;
}
