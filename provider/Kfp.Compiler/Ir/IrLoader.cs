using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kfp.Compiler.Sources;
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
    public static IrDocument Load(string text, string sourceName, string framework = BuiltInFrameworks.Ir) =>
        Load(SourceText.FromString(text), sourceName, framework);

    /// <summary>The same from a file's contents: JSON is parsed from the bytes read, without decoding them to text.</summary>
    internal static IrDocument Load(SourceText source, string sourceName, string framework = BuiltInFrameworks.Ir)
    {
        var problems = ImmutableArray.CreateBuilder<CompileProblem>();
        var document = TryLoad(source, problems);
        if (document is null || problems.Count > 0)
        {
            throw new PipelineCompileException(sourceName, framework, problems);
        }

        return document;
    }

    internal static IrDocument? TryLoad(string text, ImmutableArray<CompileProblem>.Builder problems) =>
        TryLoad(SourceText.FromString(text), problems);

    private static IrDocument? TryLoad(SourceText source, ImmutableArray<CompileProblem>.Builder problems)
    {
        // A file has no more characters than bytes: within the limit in bytes, it is within it in characters.
        if (source.ValidUtf8 is { } utf8 && utf8.Length <= YamlLimits.Default.MaxChars && LooksLikeJson(utf8.Span))
        {
            return TryLoadJson(source, () => JsonTreeReader.Parse(utf8.Span), problems);
        }

        var text = source.Text;
        if (text.Length > YamlLimits.Default.MaxChars)
        {
            problems.Add(new CompileProblem(string.Empty,
                $"the file has {text.Length:N0} characters, more than the {YamlLimits.Default.MaxChars:N0} allowed (KFP accepts at most 32 MiB); split the pipeline or shorten it."));
            return null;
        }

        if (LooksLikeJson(text))
        {
            return TryLoadJson(source, () => JsonTreeReader.Parse(text), problems);
        }

        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = ParseYaml(text);
        }
        catch (YamlLoadException e)
        {
            problems.Add(YamlProblems.From(e, text));
            return null;
        }

        return IrDocumentSplitter.Split(documents, problems);
    }

    private static IrDocument? TryLoadJson(SourceText source, Func<JsonNode?> parse, ImmutableArray<CompileProblem>.Builder problems)
    {
        JsonNode? root;
        try
        {
            root = parse();
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            problems.Add(new CompileProblem(string.Empty,
                $"the file is not valid JSON at line {line} near \"{Excerpt.Around(source.Text, line, (e.BytePositionInLine ?? 0) + 1)}\" ({Excerpt.Clip(e.Message, 160)}); fix the syntax or write it as YAML."));
            return null;
        }

        return IrDocumentSplitter.Split([root], problems);
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '{';
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'{';
    }

    private static IReadOnlyList<JsonNode?> ParseYaml(string text) => KfpYaml.LoadAll(text);
}
