using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:Experiment</c>: the experiment as KFP has it.</summary>
internal sealed record ExperimentState
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Namespace { get; init; }

    public string? ExperimentId { get; init; }

    public string? CreatedAt { get; init; }

    public string? StorageState { get; init; }

    public static RecordShape<ExperimentState> Shape { get; } = RecordShape<ExperimentState>.Outputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v }, "")
        .String("description", x => x.Description, (x, v) => x with { Description = v }, "")
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v }, "")
        .String("experimentId", x => x.ExperimentId, (x, v) => x with { ExperimentId = v }, "The KFP experiment ID.")
        .String("createdAt", x => x.CreatedAt, (x, v) => x with { CreatedAt = v }, "When KFP created the experiment (RFC 3339).")
        .String("storageState", x => x.StorageState, (x, v) => x with { StorageState = v }, "AVAILABLE, or ARCHIVED when archived in the KFP UI.");
}
