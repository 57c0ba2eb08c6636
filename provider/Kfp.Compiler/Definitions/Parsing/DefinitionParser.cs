using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kfp.Compiler.Definitions.Model;
using Kfp.Compiler.Validation;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Reads a definition file (top-level keys <c>pipeline</c>, <c>components</c>, <c>pipelines</c>) into the model.</summary>
internal static class DefinitionParser
{
    public const string MarkerKey = "pipeline";

    public static DefinitionFile Parse(JsonObject root, ProblemSink problems)
    {
        var reader = new Reader(problems);
        reader.CheckKeys(root, string.Empty, MarkerKey, "components", "pipelines");
        var components = ImmutableDictionary.CreateBuilder<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var (name, node) in reader.Mapping(root, "components", string.Empty) ?? [])
        {
            if (ComponentParser.Parse(reader, name, node, Json.Path("components", name)) is { } component)
            {
                components[name] = component;
            }
        }

        var pipelines = ImmutableDictionary.CreateBuilder<string, PipelineDefinition>(StringComparer.Ordinal);
        foreach (var (name, node) in reader.Mapping(root, "pipelines", string.Empty) ?? [])
        {
            var path = Json.Path("pipelines", name);
            if (node is JsonObject obj)
            {
                pipelines[name] = ParsePipeline(reader, obj, name, path);
            }
            else
            {
                reader.Add(path, "a nested pipeline must be a mapping with 'tasks'.");
            }
        }

        var main = reader.Mapping(root, MarkerKey, string.Empty);
        if (main is null)
        {
            reader.Add(MarkerKey, "the definition needs a 'pipeline' mapping with name and tasks.");
            main = [];
        }

        var pipelineName = reader.RequiredString(main, "name", MarkerKey, "name the pipeline (lowercase letters, digits and '-').");
        if (pipelineName.Length > 0 && !TopLevelRules.IsValidPipelineName(pipelineName))
        {
            reader.Add(Json.Path(MarkerKey, "name"),
                $"the pipeline name '{pipelineName}' must match ^[a-z0-9][a-z0-9-]{{0,127}}$ (the KFP server's rule); use lowercase letters, digits and '-'.");
        }

        return new DefinitionFile(ParsePipeline(reader, main, pipelineName, MarkerKey), components.ToImmutable(), pipelines.ToImmutable());
    }

    private static PipelineDefinition ParsePipeline(Reader reader, JsonObject obj, string name, string path)
    {
        reader.CheckKeys(obj, path, "name", "displayName", "description", "parameters", "outputs", "tasks");
        var outputs = ImmutableArray.CreateBuilder<KeyValuePair<string, ValueRef>>();
        foreach (var (output, node) in reader.Mapping(obj, "outputs", path) ?? [])
        {
            var outputPath = Json.Path(Json.Path(path, "outputs"), output);
            var value = ValueParser.Parse(reader, node, outputPath);
            if (value is TaskOutputRef or OneOfRef)
            {
                outputs.Add(KeyValuePair.Create(output, value));
            }
            else
            {
                reader.Add(outputPath, "a pipeline output must be {task: name, output: key} or {oneOf: [...]}.");
            }
        }

        return new PipelineDefinition(
            name,
            reader.OptionalString(obj, "displayName", path),
            reader.OptionalString(obj, "description", path),
            IoParser.Parse(reader, obj, "parameters", path, allowDefault: true),
            outputs.ToImmutable(),
            TaskParser.ParseList(reader, obj, path),
            path);
    }
}
