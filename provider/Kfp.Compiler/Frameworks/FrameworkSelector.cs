using Kfp.Compiler.Definitions;
using Kfp.Compiler.Sources;
using System.Text.Json.Nodes;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler.Frameworks;

/// <summary>
/// Picks the framework: the request's external framework, else its built-in name, else from the file:
/// <c>.json</c> and YAML with <c>pipelineInfo</c>/<c>schemaVersion</c>/<c>root</c> are <c>ir</c>, YAML with a top-level
/// <c>pipeline</c> mapping is <c>definition</c>; anything else (e.g. <c>.py</c>) needs an explicit external framework.
/// </summary>
internal static class FrameworkSelector
{
    private static readonly string[] IrKeys = ["pipelineInfo", "schemaVersion", "root", "components", "deploymentSpec", "pipeline_spec", "pipeline_info"];

    public static ChosenFramework Choose(CompileRequest request, string sourcePath, string text) =>
        Choose(request, sourcePath, SourceText.FromString(text));

    /// <summary>The same; only YAML's contents are read (decoded), to find its top-level keys.</summary>
    public static ChosenFramework Choose(CompileRequest request, string sourcePath, SourceText source)
    {
        if (request.ExternalFramework is { } external)
        {
            return new ChosenFramework(external.Name, external);
        }

        if (request.Framework is { } name)
        {
            return BuiltInFrameworks.IsBuiltIn(name)
                ? ChosenFramework.BuiltIn(name)
                : throw Fail(request, name, $"'{name}' is not a built-in framework ({BuiltInFrameworks.Ir}, {BuiltInFrameworks.Definition}); pass the framework's definition to run an external compiler.");
        }

        var extension = Path.GetExtension(sourcePath).ToLowerInvariant();
        return extension switch
        {
            ".json" => ChosenFramework.BuiltIn(BuiltInFrameworks.Ir),
            ".yaml" or ".yml" => FromYaml(request, source.Text),
            _ => throw Fail(request, "(none)", $"cannot tell how to compile a '{extension}' file; set the framework (e.g. a kfp-sdk Framework for Python sources)."),
        };
    }

    private static ChosenFramework FromYaml(CompileRequest request, string text)
    {
        var keys = TopLevelKeys(text);
        if (keys.Contains(DefinitionParserMarker))
        {
            return ChosenFramework.BuiltIn(BuiltInFrameworks.Definition);
        }

        // Empty, unparsable or IR-looking YAML goes to the IR loader, which reports what is wrong with it.
        if (keys.Count == 0 || keys.Overlaps(IrKeys))
        {
            return ChosenFramework.BuiltIn(BuiltInFrameworks.Ir);
        }

        throw Fail(request, "(none)",
            $"the YAML is neither KFP IR (no pipelineInfo/schemaVersion/root) nor a pipeline definition (no top-level '{DefinitionParserMarker}'); fix the file or set the framework.");
    }

    private static string DefinitionParserMarker => Definitions.Parsing.DefinitionParser.MarkerKey;

    private static HashSet<string> TopLevelKeys(string text)
    {
        try
        {
            var documents = KfpYaml.LoadAll(text);
            return documents.Count > 0 && documents[0] is JsonObject mapping ? [.. mapping.Select(p => p.Key)] : [];
        }
        catch (YamlLoadException)
        {
            return [];
        }
    }

    private static PipelineCompileException Fail(CompileRequest request, string framework, string message) =>
        new(request.Source, framework, [new CompileProblem(string.Empty, message)]);
}
