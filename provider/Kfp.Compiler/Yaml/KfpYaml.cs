using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Kfp.Compiler.Yaml;

/// <summary>
/// The one way this codebase reads YAML: every document of a text as JSON values, read as PyYAML's
/// <c>safe_load_all</c> reads them (the library the KFP SDK writes pipelines with), within
/// <see cref="YamlLimits"/>. Differences, by design: a duplicate key and a recursive alias are errors,
/// dates stay strings, infinity and NaN are refused (JSON has no form for them).
/// </summary>
public static class KfpYaml
{
    private const int MaxRepairs = 2_000;

    /// <summary>Every document of <paramref name="text"/>; throws <see cref="YamlLoadException"/>.</summary>
    public static IReadOnlyList<JsonNode?> LoadAll(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxChars)
        {
            throw new YamlLoadException(0, 0,
                $"the file has {text.Length:N0} characters, more than the {limits.MaxChars:N0} allowed (KFP accepts at most 32 MiB); split the pipeline or shorten it.");
        }

        text = text.TrimStart('\uFEFF');
        for (var repairs = 0; ; repairs++)
        {
            try
            {
                return JsonEventBuilder.Build(text, limits);
            }
            catch (SyntaxErrorException e) when (e.Message.Contains(QuotedScalarRepair.ErrorPhrase, StringComparison.Ordinal)
                                                 && repairs < MaxRepairs
                                                 && Repair(text, e) is { } repaired)
            {
                text = repaired;
            }
            catch (YamlException e)
            {
                throw new YamlLoadException(e.Start.Line, e.Start.Column, Reason(e));
            }
        }
    }

    private static string? Repair(string text, YamlException e)
    {
        var index = (int)Math.Min(e.Start.Index, int.MaxValue);
        if (index < text.Length && text[index] == '"')
        {
            return QuotedScalarRepair.Indent(text, index);
        }

        return QuotedScalarRepair.Indent(text, IndexOf(text, e.Start.Line, e.Start.Column));
    }

    private static int IndexOf(string text, long line, long column)
    {
        var index = 0;
        for (var current = 1L; current < line && index >= 0; current++)
        {
            index = text.IndexOf('\n', index);
            index = index < 0 ? -1 : index + 1;
        }

        return index < 0 ? -1 : index + (int)column - 1;
    }

    /// <summary>YamlDotNet's message without its "(Line: …) - (Line: …): " prefix, bounded in length.</summary>
    private static string Reason(YamlException e)
    {
        var message = e.Message;
        var cut = message.StartsWith('(') ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        var reason = cut >= 0 ? message[(cut + 3)..] : message;
        return Excerpt.Clip(reason, 200);
    }
}
