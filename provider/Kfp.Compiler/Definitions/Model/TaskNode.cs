using System.Collections.Immutable;

namespace Kfp.Compiler.Definitions.Model;

/// <summary>An entry of a <c>tasks</c> list: a task or a control-flow group holding tasks.</summary>
internal abstract record TaskNode(string Path);

/// <summary>A task running a component (<see cref="Component"/>) or a nested pipeline (<see cref="Pipeline"/>).</summary>
internal sealed record TaskDefinition(
    string? Name,
    string? Component,
    string? Pipeline,
    string? DisplayName,
    ImmutableArray<KeyValuePair<string, ValueRef>> Arguments,
    ImmutableArray<string> After,
    bool Caching,
    RetryDefinition? Retry,
    string Path) : TaskNode(Path)
{
    /// <summary>The task's KubernetesExecutorConfig (PlatformSpec JSON), or null when it has no Kubernetes settings.</summary>
    public System.Text.Json.Nodes.JsonObject? Kubernetes { get; init; }

    /// <summary>Tasks whose outputs the Kubernetes settings read (a claim made by a <c>createpvc</c> task): they run first.</summary>
    public ImmutableArray<KubernetesDependency> KubernetesDependencies { get; init; } = [];

    /// <summary>The task's own resource settings (constants or values from parameters and task outputs), by KFP field name.</summary>
    public ImmutableArray<TaskResource> Resources { get; init; } = [];

    /// <summary>For an importer task (<c>dsl.importer</c>): what it imports; its <c>uri</c> is the task's one argument.</summary>
    public ImporterDefinition? Importer { get; init; }

    /// <summary>For a task running a built-in component (<c>createpvc</c>, <c>deletepvc</c>): its name.</summary>
    public string? BuiltIn { get; init; }
}

/// <summary>An importer: registers the artifact at a URI (argument <c>uri</c>) as output <c>artifact</c> of type <see cref="Type"/>.</summary>
internal sealed record ImporterDefinition(IoType Type, bool Reimport, System.Text.Json.Nodes.JsonObject? Metadata)
{
    public const string UriInput = "uri";
    public const string Output = "artifact";
    public const string TaskName = "importer";

    /// <summary>The importer's interface as a component, so its task is wired like any other.</summary>
    public ComponentDefinition AsComponent(string path) => new(
        TaskName, string.Empty, [], [], [], null,
        [new IoDefinition(UriInput, IoType.Parameter("STRING"), null, false, false, null)],
        [new IoDefinition(Output, Type, null, false, false, null)],
        path);
}

/// <summary>
/// One resource setting of a task: <see cref="Field"/> is the KFP SDK's name (<c>cpu_limit</c>,
/// <c>accelerator_count</c>, …), which is also the task input a value from a channel is passed as.
/// </summary>
internal sealed record TaskResource(string Field, ValueRef Value);

/// <summary>A task output read by a task's Kubernetes settings, and where in the definition it is read.</summary>
internal sealed record KubernetesDependency(string Task, string Output, string Path);

/// <summary>Retry policy of a task.</summary>
internal sealed record RetryDefinition(int MaxRetryCount, string BackoffDuration, double BackoffFactor, string BackoffMaxDuration);

/// <summary>Tasks that run only when <c>Left Operator Right</c> holds.</summary>
internal sealed record ConditionGroup(ValueRef Left, string Operator, ValueRef Right, ImmutableArray<TaskNode> Tasks, string Path)
    : TaskNode(Path);

/// <summary>
/// <c>dsl.If</c> / <c>dsl.Elif</c> / <c>dsl.Else</c>: the first branch whose test holds runs; a branch without a
/// test (<see cref="Branch.Test"/> null, the last one) is the else.
/// </summary>
internal sealed record BranchesGroup(ImmutableArray<Branch> Branches, string Path) : TaskNode(Path);

/// <summary>One branch of a <see cref="BranchesGroup"/>.</summary>
internal sealed record Branch(ConditionTest? Test, ImmutableArray<TaskNode> Tasks, string Path);

/// <summary>A comparison <c>Left Operator Right</c>.</summary>
internal sealed record ConditionTest(ValueRef Left, string Operator, ValueRef Right, string Path);

/// <summary>Tasks run once per item (ParallelFor).</summary>
internal sealed record LoopGroup(ValueRef Items, string ItemName, string? ItemType, int Parallelism, ImmutableArray<TaskNode> Tasks, string Path)
    : TaskNode(Path);

/// <summary>Tasks followed by an exit task that runs however they end.</summary>
internal sealed record ExitHandlerGroup(TaskDefinition ExitTask, ImmutableArray<TaskNode> Tasks, string Path) : TaskNode(Path);
