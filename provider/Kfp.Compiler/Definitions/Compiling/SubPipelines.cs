using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>Compiles nested pipelines once each (per compile) and refuses a pipeline that nests itself.</summary>
internal sealed class SubPipelines(DefinitionFile file, ProblemSink problems)
{
    private readonly Dictionary<string, CompiledGraph?> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <summary>What this compile may still build; shared by the pipeline and every nested one.</summary>
    public BuildBudget Budget { get; init; } = new();

    public CompiledGraph? Get(PipelineDefinition pipeline, string path)
    {
        if (_compiled.TryGetValue(pipeline.Name, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(pipeline.Name))
        {
            problems.Add(path, $"pipeline '{pipeline.Name}' contains itself; nested pipelines cannot be recursive.");
            return null;
        }

        var compiled = PipelineCompilation.Compile(file, pipeline, problems, this);
        _inProgress.Remove(pipeline.Name);
        _compiled[pipeline.Name] = compiled;
        return compiled;
    }
}
