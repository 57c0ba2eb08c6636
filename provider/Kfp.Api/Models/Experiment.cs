namespace Kfp.Api.Models;

/// <summary>A KFP experiment as the server returns it. Absent fields read as empty.</summary>
public sealed record Experiment
{
    public string ExperimentId { get; init => field = value ?? ""; } = "";

    /// <summary>The experiment's name, unique per namespace.</summary>
    public string DisplayName { get; init => field = value ?? ""; } = "";

    public string Description { get; init => field = value ?? ""; } = "";

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Profile namespace; empty in single-user mode.</summary>
    public string Namespace { get; init => field = value ?? ""; } = "";

    public StorageState StorageState { get; init; }

    /// <summary>Null when the experiment has no runs.</summary>
    public DateTimeOffset? LastRunCreatedAt { get; init; }
}
