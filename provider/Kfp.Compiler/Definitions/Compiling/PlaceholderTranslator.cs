using System.Text.RegularExpressions;
using Kfp.Compiler.Definitions.Model;

namespace Kfp.Compiler.Definitions.Compiling;

/// <summary>
/// Turns the definition's short placeholders into KFP placeholders:
/// <c>{{inputs.x}}</c> → <c>{{$.inputs.parameters['x']}}</c> (or <c>{{$.inputs.artifacts['x'].path}}</c>),
/// <c>{{outputs.y}}</c> → <c>{{$.outputs.parameters['y'].output_file}}</c> (or the artifact's path);
/// <c>.path</c>, <c>.uri</c>, <c>.metadata</c> pick another artifact property. KFP's own <c>{{$…}}</c> pass through.
/// </summary>
internal static partial class PlaceholderTranslator
{
    public static string Translate(string text, ComponentDefinition component, Action<string> problem) =>
        Short().Replace(text, match =>
        {
            var direction = match.Groups["dir"].Value;
            var name = match.Groups["name"].Value;
            var property = match.Groups["prop"].Success ? match.Groups["prop"].Value : null;
            var declared = direction == "inputs" ? component.Input(name) : component.Output(name);
            if (declared is null)
            {
                problem($"placeholder {match.Value} names no declared {direction[..^1]} '{name}'; declare it under {direction} or fix the name.");
                return match.Value;
            }

            if (!declared.Type.IsArtifact)
            {
                if (property is not null)
                {
                    problem($"placeholder {match.Value}: '{name}' is a parameter; .{property} applies to artifacts only.");
                }

                return direction == "inputs"
                    ? $"{{{{$.inputs.parameters['{name}']}}}}"
                    : $"{{{{$.outputs.parameters['{name}'].output_file}}}}";
            }

            return $"{{{{$.{direction}.artifacts['{name}'].{property ?? "path"}}}}}";
        });

    [GeneratedRegex(@"\{\{\s*(?<dir>inputs|outputs)\.(?<name>[A-Za-z0-9_-]+)(\.(?<prop>path|uri|metadata))?\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Short();
}
