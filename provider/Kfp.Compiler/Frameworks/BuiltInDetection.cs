using System.Text.Json.Nodes;
using Kfp.Compiler.Sources;

namespace Kfp.Compiler.Frameworks;

/// <summary>
/// Loads a source with a built-in framework, choosing it from the file when the request names none, with one parse:
/// YAML without a top-level <c>pipeline:</c> line is loaded as IR and the loaded tree confirms the choice (a definition
/// found there is compiled as one); a <c>pipeline:</c> line goes to the definition compiler. Only files this text check
/// cannot place (flow-style YAML that fails to load as IR) fall back to <see cref="FrameworkSelector"/>'s full parse.
/// </summary>
internal static class BuiltInDetection
{
    private static readonly string[] IrKeys = ["pipelineInfo", "schemaVersion", "root", "components", "deploymentSpec", "pipeline_spec", "pipeline_info", "pipelineSpec", "platforms"];

    public static (string Framework, IrDocument Document) Load(CompileRequest request, string sourcePath, SourceText source)
    {
        switch (request.Framework)
        {
            case BuiltInFrameworks.Definition:
                return (BuiltInFrameworks.Definition, Definitions.DefinitionCompiler.Compile(source.Text, request.Source));
            case BuiltInFrameworks.Ir:
                return (BuiltInFrameworks.Ir, IrLoader.Load(source, request.Source));
            case { } other:
                FrameworkSelector.Choose(request, sourcePath, source);
                throw new InvalidOperationException($"'{other}' was accepted as a built-in framework");
        }

        var extension = Path.GetExtension(sourcePath).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml"))
        {
            var chosen = FrameworkSelector.Choose(request, sourcePath, source);
            return (chosen.Name, IrLoader.Load(source, request.Source));
        }

        var text = source.Text;
        if (HasTopLevelLine(text, Definitions.Parsing.DefinitionParser.MarkerKey))
        {
            return (BuiltInFrameworks.Definition, Definitions.DefinitionCompiler.Compile(text, request.Source));
        }

        IrDocument document;
        try
        {
            document = IrLoader.Load(source, request.Source);
        }
        catch (PipelineCompileException) when (FrameworkSelector.Choose(request, sourcePath, text).Name == BuiltInFrameworks.Definition)
        {
            return (BuiltInFrameworks.Definition, Definitions.DefinitionCompiler.Compile(text, request.Source));
        }

        if (document.PlatformSpec is null && IsDefinition(document.PipelineSpec))
        {
            return (BuiltInFrameworks.Definition, Definitions.DefinitionCompiler.Compile(text, request.Source));
        }

        if (document.PlatformSpec is null && !document.PipelineSpec.Any(p => IrKeys.Contains(p.Key)))
        {
            // Same message as a full parse gives for YAML that is neither.
            FrameworkSelector.Choose(request, sourcePath, text);
        }

        return (BuiltInFrameworks.Ir, document);
    }

    private static bool IsDefinition(JsonObject spec) => spec.ContainsKey(Definitions.Parsing.DefinitionParser.MarkerKey);

    /// <summary>True when a line starts with <c>key:</c> (a block mapping's top-level key, possibly quoted).</summary>
    private static bool HasTopLevelLine(string text, string key)
    {
        foreach (var form in (ReadOnlySpan<string>)[key + ":", $"\"{key}\":", $"'{key}':"])
        {
            if (text.StartsWith(form, StringComparison.Ordinal) || text.Contains("\n" + form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
