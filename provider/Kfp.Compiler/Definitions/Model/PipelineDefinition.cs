using System.Collections.Immutable;

namespace Kfp.Compiler.Definitions.Model;

/// <summary>A pipeline: its parameters, outputs and tasks. Nested pipelines share the file's components.</summary>
internal sealed record PipelineDefinition(
    string Name,
    string? DisplayName,
    string? Description,
    ImmutableArray<IoDefinition> Parameters,
    ImmutableArray<KeyValuePair<string, ValueRef>> Outputs,
    ImmutableArray<TaskNode> Tasks,
    string Path)
{
    public IoDefinition? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>A whole definition file: the main pipeline, its components and nested pipelines.</summary>
internal sealed record DefinitionFile(
    PipelineDefinition Pipeline,
    ImmutableDictionary<string, ComponentDefinition> Components,
    ImmutableDictionary<string, PipelineDefinition> Pipelines);
