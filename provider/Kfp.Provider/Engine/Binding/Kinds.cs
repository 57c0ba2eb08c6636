using System.Collections.Immutable;
using System.Globalization;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>The value kinds of the schema, each mapping one .NET type to and from property values.</summary>
internal static class Kinds
{
    public static Kind<string?> String { get; } = new StringKind();

    public static Kind<long?> Integer { get; } = new IntegerKind();

    public static Kind<bool?> Boolean { get; } = new BooleanKind();

    public static Kind<ImmutableArray<string>?> StringList { get; } = new StringListKind();

    public static Kind<ImmutableSortedDictionary<string, string>?> StringMap { get; } = new StringMapKind();

    public static Kind<PropertyValue?> Any { get; } = new AnyKind();

    /// <summary>A string: numbers and booleans are refused (<c>name: 42</c> is a mistake, not a name).</summary>
    private sealed class StringKind : Kind<string?>
    {
        public override PropertyType Type => PropertyType.String;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out string? result)
        {
            result = (value as StringValue)?.Value;
            if (result is null)
            {
                var hint = value is NumberValue or BoolValue ? $"; quote it ('{Text(value)}') if you mean text" : "";
                binder.Fail(path, $"expected a string, got {Binder.Describe(value)}{hint}");
            }
            return result is not null;
        }

        public override PropertyValue? Write(string? value) => value is null ? null : PropertyValue.Of(value);
    }

    /// <summary>A whole number; a string of digits is accepted (configuration values arrive as strings).</summary>
    private sealed class IntegerKind : Kind<long?>
    {
        public override PropertyType Type => PropertyType.Integer;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out long? result)
        {
            result = value switch
            {
                NumberValue n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 9e15 => (long)n.Value,
                StringValue s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                _ => null,
            };
            if (result is null)
            {
                binder.Fail(path, $"expected a whole number, got {Binder.Describe(value)}");
            }
            return result is not null;
        }

        public override PropertyValue? Write(long? value) => value is { } v ? PropertyValue.Of(v) : null;
    }

    private sealed class BooleanKind : Kind<bool?>
    {
        public override PropertyType Type => PropertyType.Boolean;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out bool? result)
        {
            result = value switch
            {
                BoolValue b => b.Value,
                StringValue { Value: "true" or "True" } => true,
                StringValue { Value: "false" or "False" } => false,
                _ => null,
            };
            if (result is null)
            {
                binder.Fail(path, $"expected true or false, got {Binder.Describe(value)}");
            }
            return result is not null;
        }

        public override PropertyValue? Write(bool? value) => value is { } v ? PropertyValue.Of(v) : null;
    }

    /// <summary>A list of strings; unknown items (preview) are left out and recorded as unknown.</summary>
    private sealed class StringListKind : Kind<ImmutableArray<string>?>
    {
        public override PropertyType Type => PropertyType.StringList;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out ImmutableArray<string>? result)
        {
            result = null;
            if (value is not ArrayValue array)
            {
                binder.Fail(path, $"expected a list of strings, got {Binder.Describe(value)}");
                return false;
            }
            var builder = ImmutableArray.CreateBuilder<string>(array.Items.Length);
            for (var i = 0; i < array.Items.Length; i++)
            {
                switch (array.Items[i])
                {
                    case StringValue s:
                        builder.Add(s.Value);
                        break;
                    case UnknownValue:
                        binder.Unknown($"{path}[{i}]");
                        break;
                    default:
                        binder.Fail($"{path}[{i}]", $"expected a string, got {Binder.Describe(array.Items[i])}");
                        break;
                }
            }
            result = builder.ToImmutable();
            return true;
        }

        public override PropertyValue? Write(ImmutableArray<string>? value) =>
            value is { } v ? PropertyValue.Of(v.Select(PropertyValue.Of)) : null;
    }

    /// <summary>A map of strings; numbers and booleans become their text (environment values such as <c>PORT: 8080</c>).</summary>
    private sealed class StringMapKind : Kind<ImmutableSortedDictionary<string, string>?>
    {
        public override PropertyType Type => PropertyType.StringMap;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out ImmutableSortedDictionary<string, string>? result)
        {
            result = null;
            if (value is not ObjectValue obj)
            {
                binder.Fail(path, $"expected a map of strings, got {Binder.Describe(value)}");
                return false;
            }
            var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (key, item) in obj.Map)
            {
                switch (item)
                {
                    case StringValue s:
                        builder[key] = s.Value;
                        break;
                    case NumberValue or BoolValue:
                        builder[key] = Text(item);
                        break;
                    case UnknownValue:
                        binder.Unknown($"{path}.{key}");
                        break;
                    default:
                        binder.Fail($"{path}.{key}", $"expected a string, got {Binder.Describe(item)}");
                        break;
                }
            }
            result = builder.ToImmutable();
            return true;
        }

        public override PropertyValue? Write(ImmutableSortedDictionary<string, string>? value) =>
            value is { } v ? PropertyValue.Of(PropertyMap.From(v.Select(p => KeyValuePair.Create(p.Key, PropertyValue.Of(p.Value))))) : null;
    }

    /// <summary>Any JSON value, kept as it came (parameters); the field's rules say which shapes it accepts.</summary>
    private sealed class AnyKind : Kind<PropertyValue?>
    {
        public override PropertyType Type => PropertyType.Any;

        public override bool TryRead(PropertyValue value, string path, Binder binder, out PropertyValue? result)
        {
            if (value.ContainsUnknowns)
            {
                binder.Unknown(path);
            }
            result = value;
            return true;
        }

        public override PropertyValue? Write(PropertyValue? value) => value is null or NullValue ? null : value;
    }

    private static string Text(PropertyValue value) => value switch
    {
        NumberValue n => n.Value.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        _ => "",
    };
}
