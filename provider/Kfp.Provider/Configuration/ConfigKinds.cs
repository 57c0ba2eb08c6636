using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Configuration;

/// <summary>
/// The configuration values that arrive in more than one form: stack config sends every value as a string (a map or
/// a list as its JSON text), explicit providers send typed values.
/// </summary>
internal static class ConfigKinds
{
    /// <summary>A map of header names to values: an object, or the JSON text of one. Messages never quote the value (it is secret).</summary>
    public static Kind<ImmutableSortedDictionary<string, string>?> Headers { get; } = new HeadersKind();

    /// <summary>
    /// A list of strings: a list, the JSON text of one (stack config set with <c>--path</c>), or one comma-separated
    /// string (<c>pulumi config set kfp:trustedFrameworks tfx,sha256:...</c>); items trimmed, empty items dropped.
    /// </summary>
    public static Kind<ImmutableArray<string>?> List(string expected) => new ListKind(expected);

    private sealed class HeadersKind : Kind<ImmutableSortedDictionary<string, string>?>
    {
        public override PropertyType Type => PropertyType.StringMap;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out ImmutableSortedDictionary<string, string>? result)
        {
            result = null;
            switch (value)
            {
                case ObjectValue obj:
                    var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                    foreach (var (key, item) in obj.Map)
                    {
                        switch (item)
                        {
                            case StringValue s:
                                builder[key] = s.Value;
                                break;
                            case NumberValue n:
                                builder[key] = n.Value.ToString(CultureInfo.InvariantCulture);
                                break;
                            case BoolValue b:
                                builder[key] = b.Value ? "true" : "false";
                                break;
                            case UnknownValue:
                                binder.Unknown($"{path}.{key}");
                                break;
                            default:
                                binder.Fail(path, "every header value must be a string");
                                return false;
                        }
                    }
                    result = builder.ToImmutable();
                    return true;
                case StringValue s:
                    try
                    {
                        var parsed = JsonSerializer.Deserialize(s.Value, ConfigJsonContext.Default.DictionaryStringString);
                        result = (parsed ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
                        return true;
                    }
                    catch (JsonException)
                    {
                        // The value is secret: the message must not echo it.
                        binder.Fail(path,
                            "must be a map of header names to values, e.g. {\"Cookie\": \"authservice_session=...\"}; the value given is not a JSON object of strings");
                        return false;
                    }
                default:
                    binder.Fail(path, "must be a map of header names to string values");
                    return false;
            }
        }

        public override PropertyValue? Write(ImmutableSortedDictionary<string, string>? value) => Kinds.StringMap.Write(value);
    }

    private sealed class ListKind(string expected) : Kind<ImmutableArray<string>?>
    {
        public override PropertyType Type => PropertyType.StringList;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out ImmutableArray<string>? result)
        {
            result = null;
            switch (value)
            {
                case ArrayValue array when array.Items.All(i => i is StringValue or UnknownValue):
                    result = Trimmed(array.Items.OfType<StringValue>().Select(s => s.Value));
                    return true;
                case StringValue { Value: var text } when text.TrimStart().StartsWith('['):
                    try
                    {
                        result = Trimmed(JsonSerializer.Deserialize(text, ConfigJsonContext.Default.StringArray) ?? []);
                        return true;
                    }
                    catch (JsonException)
                    {
                        binder.Fail(path, $"must be {expected}; '{Short(text)}' is not a JSON list of strings");
                        return false;
                    }
                case StringValue { Value: var text }:
                    result = Trimmed(text.Split(','));
                    return true;
                default:
                    binder.Fail(path, $"must be {expected}");
                    return false;
            }
        }

        public override PropertyValue? Write(ImmutableArray<string>? value) =>
            value is { } v ? PropertyValue.Of(v.Select(PropertyValue.Of)) : null;

        private static ImmutableArray<string> Trimmed(IEnumerable<string> items) => [.. items.Select(s => s.Trim()).Where(s => s.Length > 0)];

        private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
    }
}
