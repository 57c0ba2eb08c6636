using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>The node tree of one pipeline (the main one or a nested one) and its task index.</summary>
internal sealed class Graph(DefinitionFile file, PipelineDefinition pipeline, ProblemSink problems)
{
    public DefinitionFile File { get; } = file;

    public PipelineDefinition Pipeline { get; } = pipeline;

    public ProblemSink Problems { get; } = problems;

    public GraphNode Root { get; } = new(NodeKind.Root, "root", null, pipeline.Path);

    /// <summary>Every task (not group) by its name, pipeline-wide.</summary>
    public Dictionary<string, GraphNode> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Raw-list loops: the loop-item name allocated when the loop was declared.</summary>
    public Dictionary<GraphNode, string> RawLoopItemNames { get; } = [];

    /// <summary>OneOf channels already made, by branches group and options, so the same oneOf read twice is one output.</summary>
    public Dictionary<string, TaskOutputChannel> OneOfs { get; } = new(StringComparer.Ordinal);

    /// <summary>All nodes in definition order (depth first).</summary>
    public IEnumerable<GraphNode> Nodes() => Walk(Root);

    private static IEnumerable<GraphNode> Walk(GraphNode node)
    {
        yield return node;
        foreach (var child in node.Children.SelectMany(Walk))
        {
            yield return child;
        }
    }
}
