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
        var budget = new BuildBudget();
        var compiled = WithinBudget(sourceName, () => PipelineCompilation.Compile(file, file.Pipeline, problems, new SubPipelines(file, problems) { Budget = budget }));

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
        WithinBudget(sourceName, () => budget.CheckOutput(spec, "pipeline"));
        return new IrDocument(spec, KubernetesPlatform.Extract(compiled.Executors));
    }

    /// <summary>Runs <paramref name="build"/>; a passed limit of the compile's budget becomes a compile error on its path.</summary>
    private static T WithinBudget<T>(string sourceName, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (BuildBudgetExceededException e)
        {
            throw new PipelineCompileException(sourceName, BuiltInFrameworks.Definition, [new CompileProblem(e.Path, e.Message)]);
        }
    }

    private static void WithinBudget(string sourceName, Action check) => WithinBudget(sourceName, () =>
    {
        check();
        return true;
    });

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
