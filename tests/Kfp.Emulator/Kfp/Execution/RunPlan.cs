namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// How a run executes, decided when it is created: its tasks' times and outcomes. The run's state at any moment is
/// read off this plan (see <see cref="RunProgress"/>), so moving the clock needs no timers.
/// </summary>
public sealed record RunPlan
{
    /// <summary>The Argo workflow's name: the pipeline name and a suffix; also the root DAG node's name.</summary>
    public required string WorkflowName { get; init; }

    /// <summary>When the run turns RUNNING (the workflow's first pod is scheduled).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the run reaches <see cref="Final"/>.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>SUCCEEDED or FAILED.</summary>
    public required string Final { get; init; }

    /// <summary>The run's error when it fails: names the failed task.</summary>
    public string Error { get; init; } = "";

    /// <summary>Every node that runs, DAG nodes included, in planning order.</summary>
    public List<PlannedTask> Tasks { get; init; } = [];

    /// <summary>Set when a control call or terminate stopped the plan: nothing moves after this moment.</summary>
    public DateTimeOffset? FrozenAt { get; init; }

    /// <summary>The state unfinished tasks show once frozen in a terminal state (e.g. CANCELED).</summary>
    public string FrozenState { get; init; } = "";
}

/// <summary>One Argo node of a run: a container task, or a DAG (the root, a sub-DAG, a condition, a loop or one iteration).</summary>
public sealed record PlannedTask
{
    public required string TaskId { get; init; }

    /// <summary>The Argo node id (what <c>child_tasks[].pod_name</c> refers to).</summary>
    public required string NodeId { get; init; }

    /// <summary>Null for the root DAG node.</summary>
    public string? ParentNodeId { get; init; }

    /// <summary>The task's name in its DAG (the node's display name).</summary>
    public required string Name { get; init; }

    /// <summary>DAG or CONTAINER.</summary>
    public required string Kind { get; init; }

    public string Component { get; init; } = "";

    public string Image { get; init; } = "";

    /// <summary>The <c>triggerPolicy.condition</c> of a conditional task (evaluated when it reads only known values, else taken).</summary>
    public string Condition { get; init; } = "";

    /// <summary>Names of the tasks in the same DAG this one waited for.</summary>
    public List<string> DependsOn { get; init; } = [];

    /// <summary>Created (PENDING).</summary>
    public required DateTimeOffset Ready { get; init; }

    /// <summary>RUNNING from here (equal to <see cref="Ready"/> for DAG nodes).</summary>
    public required DateTimeOffset Running { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>SUCCEEDED or FAILED; SKIPPED for a condition that was not taken.</summary>
    public required string Final { get; init; }
}
