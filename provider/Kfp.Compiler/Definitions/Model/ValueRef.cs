using System.Text.Json.Nodes;

namespace Kfp.Compiler.Definitions.Model;

/// <summary>Where a task argument, loop items, condition operand or pipeline output comes from.</summary>
internal abstract record ValueRef(string Path);

/// <summary>A constant JSON value.</summary>
internal sealed record ConstantRef(JsonNode? Value, string Path) : ValueRef(Path);

/// <summary>A parameter of the enclosing pipeline.</summary>
internal sealed record ParameterRef(string Name, string Path) : ValueRef(Path);

/// <summary>An output of another task.</summary>
internal sealed record TaskOutputRef(string Task, string Output, string Path) : ValueRef(Path);

/// <summary>The current item of an enclosing loop (or one field of it).</summary>
internal sealed record LoopItemRef(string Loop, string? Field, string Path) : ValueRef(Path);

/// <summary>A string with embedded references (<c>{{parameter.x}}</c>, <c>{{task.t.output}}</c>, <c>{{loopItem.i}}</c>), like a Python f-string.</summary>
internal sealed record TemplateRef(string Text, System.Collections.Immutable.ImmutableArray<KeyValuePair<string, ValueRef>> Parts, string Path)
    : ValueRef(Path);

/// <summary><c>dsl.OneOf</c>: the output of whichever branch of one <see cref="BranchesGroup"/> ran.</summary>
internal sealed record OneOfRef(System.Collections.Immutable.ImmutableArray<TaskOutputRef> Options, string Path) : ValueRef(Path);
