using System.Collections.Immutable;
using System.Text.Json;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Configuration;

/// <summary>
/// Reads a list setting in the forms it arrives in: a list (explicit providers), the JSON text of one (stack config set
/// with <c>--path</c>), or one comma-separated string (<c>pulumi config set kfp:trustedFrameworks tfx,sha256:...</c>).
/// </summary>
internal static class ConfigLists
{
    public static ImmutableArray<string> Read(PropertyValue value, string key, List<CheckFailure> failures, string expected)
    {
        switch (value)
        {
            case NullValue or UnknownValue:
                return [];
            case ArrayValue array when array.Items.All(i => i.Plain is StringValue or UnknownValue):
                return [.. array.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => s.Value.Trim()).Where(s => s.Length > 0)];
            case StringValue { Value: var text } when text.TrimStart().StartsWith('['):
                try
                {
                    var parsed = JsonSerializer.Deserialize(text, ConfigJsonContext.Default.StringArray);
                    return parsed is null ? [] : [.. parsed.Select(s => s.Trim()).Where(s => s.Length > 0)];
                }
                catch (JsonException)
                {
                    failures.Add(new CheckFailure(key, $"must be {expected}; '{Short(text)}' is not a JSON list of strings"));
                    return [];
                }
            case StringValue { Value: var text }:
                return [.. text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
            default:
                failures.Add(new CheckFailure(key, $"must be {expected}"));
                return [];
        }
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
