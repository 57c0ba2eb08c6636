using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Compiles one pipeline of a definition file: build the graph, wire it, emit it.</summary>
internal static class PipelineCompilation
{
    public static CompiledGraph Compile(DefinitionFile file, PipelineDefinition pipeline, ProblemSink problems, SubPipelines subPipelines)
    {
        var graph = GraphBuilder.Build(file, pipeline, problems);
        var binder = new Binder(graph, (producer, key) => OutputType(producer, key, subPipelines));
        var wiring = new Wiring(graph, binder);
        wiring.Run();
        return new GraphEmitter(graph, subPipelines).Emit(wiring.PipelineOutputs);
    }

    private static IoType? OutputType(GraphNode producer, string key, SubPipelines subPipelines)
    {
        if (producer.Component is { } component)
        {
            return component.Output(key)?.Type;
        }

        if (producer.SubPipeline is { } pipeline && subPipelines.Get(pipeline, Json.Path(producer.Path, "pipeline"))?.OutputSpec(key) is { } spec)
        {
            return spec["parameterType"]?.GetValue<string>() is { } type
                ? IoType.Parameter(type)
                : IoType.Artifact(spec["artifactType"]?["schemaTitle"]?.GetValue<string>() ?? "system.Artifact");
        }

        return null;
    }
}
