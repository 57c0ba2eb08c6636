using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Compiling;
using Kfp.Compiler.Definitions.Parsing;
using Kfp.Compiler.Validation;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Definitions;

/// <summary>The built-in <c>definition</c> framework: a declarative YAML pipeline definition → KFP v2 IR.</summary>
internal static class DefinitionCompiler
{
    /// <summary>Compiles the definition text; throws <see cref="PipelineCompileException"/> with every problem found.</summary>
    public static IrDocument Compile(string text, string sourceName)
    {
        var problems = new ProblemSink();
        if (Parse(text, problems) is not { } root)
        {
            throw new PipelineCompileException(sourceName, BuiltInFrameworks.Definition, problems.ToImmutable());
        }

        var file = DefinitionParser.Parse(root, problems);
        CompiledGraph compiled;
        try
        {
            compiled = PipelineCompilation.Compile(file, file.Pipeline, problems, new SubPipelines(file, problems));
        }
        catch (BuildBudgetExceededException e)
        {
            throw new PipelineCompileException(sourceName, BuiltInFrameworks.Definition, [new CompileProblem(e.Path, e.Message)]);
        }

        if (problems.Count > 0)
        {
            throw new PipelineCompileException(sourceName, BuiltInFrameworks.Definition, problems.ToImmutable());
        }

        var info = new JsonObject { ["name"] = file.Pipeline.Name };
        if (file.Pipeline.Description is { } description)
        {
            info["description"] = description;
        }

        if (file.Pipeline.DisplayName is { } displayName)
        {
            info["displayName"] = displayName;
        }

        var spec = new JsonObject
        {
            ["components"] = compiled.Components,
            ["deploymentSpec"] = new JsonObject { ["executors"] = compiled.Executors },
            ["pipelineInfo"] = info,
            ["root"] = compiled.Root,
            ["schemaVersion"] = "2.1.0",
        };
        return new IrDocument(spec, KubernetesPlatform.Extract(compiled.Executors));
    }

    /// <summary>True when the YAML's top level has the definition's marker key.</summary>
    public static bool IsDefinition(JsonObject root) => root.ContainsKey(DefinitionParser.MarkerKey);

    private static JsonObject? Parse(string text, ProblemSink problems)
    {
        try
        {
            var documents = KfpYaml.LoadAll(text);
            if (documents.Count == 1 && documents[0] is JsonObject root)
            {
                return root;
            }

            problems.Add(string.Empty, "a definition file holds exactly one YAML mapping with 'pipeline' and 'components'.");
        }
        catch (YamlLoadException e)
        {
            var problem = YamlProblems.From(e, text);
            problems.Add(problem.Path, problem.Message);
        }

        return null;
    }
}
