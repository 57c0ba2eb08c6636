using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Parsing;

/// <summary>Reads <c>{template: "…"}</c>: references are <c>{{parameter.NAME}}</c>, <c>{{task.TASK.OUTPUT}}</c> and <c>{{loopItem.NAME}}</c>.</summary>
internal static partial class TemplateParser
{
    public static TemplateRef Parse(Reader reader, string text, string path)
    {
        var parts = ImmutableArray.CreateBuilder<KeyValuePair<string, ValueRef>>();
        foreach (Match match in Reference().Matches(text))
        {
            var target = match.Groups["target"].Value;
            ValueRef? value = match.Groups["kind"].Value switch
            {
                "parameter" => new ParameterRef(target, path),
                "loopItem" => new LoopItemRef(target, null, path),
                _ when target.LastIndexOf('.') is var dot and > 0 => new TaskOutputRef(target[..dot], target[(dot + 1)..], path),
                _ => null,
            };
            if (value is null)
            {
                reader.Add(path, $"template reference {match.Value} must be {{{{task.TASK.OUTPUT}}}}.");
                continue;
            }

            parts.Add(KeyValuePair.Create(match.Value, value));
        }

        if (parts.Count == 0)
        {
            reader.Add(path, "the template references nothing; use a plain value instead, or add {{parameter.NAME}}, {{task.TASK.OUTPUT}} or {{loopItem.NAME}}.");
        }

        return new TemplateRef(text, parts.ToImmutable(), path);
    }

    [GeneratedRegex(@"\{\{\s*(?<kind>parameter|task|loopItem)\.(?<target>[A-Za-z0-9_.-]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
