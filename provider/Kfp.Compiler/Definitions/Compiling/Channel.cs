using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// A value flowing through the graph (the KFP SDK's "pipeline channel"). When it crosses into a group
/// it is re-declared there as the input <see cref="InputName"/> (<c>pipelinechannel--&lt;full name&gt;</c>).
/// </summary>
internal abstract record Channel(string FullName, IoType Type)
{
    public string InputName => "pipelinechannel--" + FullName;

    /// <summary>The group in which the channel exists without being passed in.</summary>
    public abstract GraphNode Scope { get; }
}

/// <summary>A parameter of the pipeline being compiled.</summary>
internal sealed record ParameterChannel(string Name, IoType Type, GraphNode Root) : Channel(Name, Type)
{
    public override GraphNode Scope => Root;
}

/// <summary>An output of a task (or of a loop that collects an inner task's output).</summary>
internal sealed record TaskOutputChannel(GraphNode Producer, string Key, IoType Type, bool Collected = false)
    : Channel($"{Producer.Name}-{Key}", Type)
{
    public override GraphNode Scope => Producer.Parent!;
}

/// <summary>The current item of a loop.</summary>
internal sealed record LoopItemChannel(GraphNode Loop, string Name, IoType Type, Channel? Items) : Channel(Name, Type)
{
    public override GraphNode Scope => Loop;
}

/// <summary>A resolved value: a constant, or a channel (optionally one field of a struct loop item).</summary>
internal sealed record Binding(System.Text.Json.Nodes.JsonNode? Constant, Channel? Channel, string? Field)
{
    public static Binding Of(Channel channel, string? field = null) => new(null, channel, field);

    public static Binding Const(System.Text.Json.Nodes.JsonNode? value) => new(value, null, null);

    public IoType? Type => Channel?.Type;
}
