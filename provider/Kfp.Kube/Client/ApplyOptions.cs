namespace Kfp.Kube.Client;

/// <summary>Options of server-side apply.</summary>
public sealed record ApplyOptions
{
    public const string DefaultFieldManager = "pulumi-kfp";

    public string FieldManager { get; init; } = DefaultFieldManager;

    /// <summary>Take ownership of fields another manager owns instead of failing with a 409 conflict.</summary>
    public bool Force { get; init; }

    public bool DryRun { get; init; }
}
