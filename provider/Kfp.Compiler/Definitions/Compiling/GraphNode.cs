using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>The kinds of node in a compiled pipeline graph.</summary>
internal enum NodeKind
{
    Root,
    Task,
    Condition,
    Loop,
    ExitHandler,
    Branches,
}

/// <summary>
/// One task or group while a definition is compiled. Build state private to one compile:
/// created by <see cref="GraphBuilder"/>, filled by <see cref="Router"/>, read by the emitters.
/// </summary>
internal sealed class GraphNode(NodeKind kind, string name, GraphNode? parent, string path)
{
    public NodeKind Kind { get; } = kind;

    /// <summary>The key in the parent DAG: a task name or a group name such as <c>condition-1</c>.</summary>
    public string Name { get; set; } = name;

    public GraphNode? Parent { get; } = parent;

    public string Path { get; } = path;

    public List<GraphNode> Children { get; } = [];

    public TaskDefinition? Task { get; init; }

    public ComponentDefinition? Component { get; init; }

    public PipelineDefinition? SubPipeline { get; init; }

    /// <summary>For a condition: the tests that must all hold, each possibly negated (an elif is "not the earlier ones, and this").</summary>
    public List<(ConditionTest Test, bool Negated)> Clauses { get; } = [];

    public LoopGroup? Loop { get; init; }

    /// <summary>For a loop: the item channel; set once the items are bound.</summary>
    public LoopItemChannel? LoopItem { get; set; }

    /// <summary>For a condition: the CEL trigger condition and the channels it reads.</summary>
    public string? ConditionExpression { get; set; }

    public List<Channel> ConditionChannels { get; } = [];

    /// <summary>For an exit task: the exit-handler group it follows.</summary>
    public GraphNode? ExitHandlerOf { get; init; }

    /// <summary>Task inputs as IR input specs, by input name (parameters and artifacts apart).</summary>
    public SortedDictionary<string, JsonObject> ParameterInputs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, JsonObject> ArtifactInputs { get; } = new(StringComparer.Ordinal);

    /// <summary>For groups: the channels declared as inputs of the group's component, in first-use order.</summary>
    public List<Channel> GroupInputs { get; } = [];

    /// <summary>For loops: outputs collected from inner tasks, keyed by output name.</summary>
    public SortedDictionary<string, CollectedOutput> CollectedOutputs { get; } = new(StringComparer.Ordinal);

    /// <summary>For conditions and branches groups: outputs surfaced for a <c>oneOf</c>, keyed by output name.</summary>
    public SortedDictionary<string, SurfacedOutput> SurfacedOutputs { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Dependencies { get; } = new(StringComparer.Ordinal);

    /// <summary>For a component task: its own resource settings by KFP field name, overriding the component's.</summary>
    public Dictionary<string, ResourceValue> Resources { get; } = new(StringComparer.Ordinal);

    public bool IsGroup => Kind is NodeKind.Condition or NodeKind.Loop or NodeKind.ExitHandler or NodeKind.Branches;

    public IEnumerable<GraphNode> AncestorsAndSelf()
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    public bool IsAncestorOrSelfOf(GraphNode other) => other.AncestorsAndSelf().Contains(this);
}

/// <summary>A loop output collecting <see cref="Key"/> of <see cref="Producer"/> over all iterations.</summary>
internal sealed record CollectedOutput(string Producer, string Key, IoType ItemType);

/// <summary>
/// An output a group passes up: one subtask's output (<see cref="OneOf"/> false, one selector) or, for a
/// branches group, whichever of its branches' outputs was produced (<c>valueFromOneof</c>).
/// </summary>
internal sealed record SurfacedOutput(IoType Type, System.Collections.Immutable.ImmutableArray<(string Producer, string Key)> Selectors, bool OneOf);
