using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Yaml;

namespace Kfp.Compiler;

/// <summary>
/// Reads KFP IR from YAML (one document, or the PipelineSpec plus a PlatformSpec as a second
/// document) or JSON (a PipelineSpec, or the API server's <c>{pipeline_spec, platform_spec}</c> wrapper).
/// Loading checks only the file's shape; use <see cref="IrValidator"/> for the spec's content.
/// </summary>
public static class IrLoader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="PipelineCompileException"/> naming <paramref name="sourceName"/>.</summary>
    public static IrDocument Load(string text, string sourceName, string framework = BuiltInFrameworks.Ir)
    {
        var problems = ImmutableArray.CreateBuilder<CompileProblem>();
        var document = TryLoad(text, problems);
        if (document is null || problems.Count > 0)
        {
            throw new PipelineCompileException(sourceName, framework, problems);
        }

        return document;
    }

    internal static IrDocument? TryLoad(string text, ImmutableArray<CompileProblem>.Builder problems)
    {
        text = text.TrimStart('\uFEFF');
        if (text.Length > YamlLimits.Default.MaxChars)
        {
            problems.Add(new CompileProblem(string.Empty,
                $"the file has {text.Length:N0} characters, more than the {YamlLimits.Default.MaxChars:N0} allowed (KFP accepts at most 32 MiB); split the pipeline or shorten it."));
            return null;
        }

        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = LooksLikeJson(text) ? [JsonTreeReader.Parse(text)] : ParseYaml(text);
        }
        catch (JsonException e)
        {
            problems.Add(new CompileProblem(string.Empty,
                $"the file is not valid JSON at line {(e.LineNumber ?? 0) + 1} near \"{Excerpt.Around(text, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)}\" ({Excerpt.Clip(e.Message, 160)}); fix the syntax or write it as YAML."));
            return null;
        }
        catch (YamlLoadException e)
        {
            problems.Add(YamlProblems.From(e, text));
            return null;
        }

        return IrDocumentSplitter.Split(documents, problems);
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '{';
    }

    private static IReadOnlyList<JsonNode?> ParseYaml(string text) => KfpYaml.LoadAll(text);
}
