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
        return BlockYamlReader.TryRead(text, limits) ?? LoadWithYamlDotNet(text, limits);
    }

    /// <summary>The full reader, for any YAML: YamlDotNet's parser events turned into JSON values.</summary>
    internal static List<JsonNode?> LoadWithYamlDotNet(string text, YamlLimits limits)
    {
        for (var repairs = 0; ; repairs++)
        {
            try
            {
                return JsonEventBuilder.Build(text, limits);
            }
            catch (SyntaxErrorException e) when (repairs < QuotedScalarRepair.MaxRepairs
                                                 && QuotedScalarRepair.TryRepair(text, e) is { } repaired)
            {
                text = repaired;
            }
            catch (YamlException e)
            {
                throw new YamlLoadException(e.Start.Line, e.Start.Column, Reason(e));
            }
        }
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
