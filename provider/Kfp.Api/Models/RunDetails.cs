namespace Kfp.Api.Models;

/// <summary>
/// A run's <c>run_details</c>: one entry per node of its workflow that KFP has created so far (the root DAG,
/// sub-DAGs, loop iterations and container tasks), as KFP's persistence agent reports them.
/// </summary>
public sealed record RunDetails
{
    public IReadOnlyList<PipelineTaskDetail>? TaskDetails { get; init; }
}

/// <summary>One node of a run's workflow (<c>run_details.task_details[]</c>).</summary>
public sealed record PipelineTaskDetail
{
    public string TaskId { get; init => field = value ?? ""; } = "";

    public string DisplayName { get; init => field = value ?? ""; } = "";

    public RuntimeState State { get; init; }

    /// <summary>The nodes below this one; empty for a container task.</summary>
    public IReadOnlyList<PipelineTaskChild>? ChildTasks { get; init; }
}

/// <summary>A child of a workflow node: KFP names it by task ID or by pod name.</summary>
public sealed record PipelineTaskChild
{
    public string? TaskId { get; init; }

    public string? PodName { get; init; }
}
