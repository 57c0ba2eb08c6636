using System.Collections.Immutable;
using System.Globalization;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Configuration;

/// <summary>
/// Reads the provider configuration from a property bag (resources bind records through the engine's
/// <c>RecordShape</c> instead) and collects a <see cref="CheckFailure"/> for every value of the
/// wrong type, so Check reports all problems at once. Unknown values (preview) read as absent and are never
/// failures; <see cref="HasUnknowns"/> tells that something was not known.
/// </summary>
internal sealed class InputReader
{
    private readonly PropertyMap _values;
    private readonly List<CheckFailure> _failures = [];

    public InputReader(PropertyMap values) => _values = values;

    public IReadOnlyList<CheckFailure> Failures => _failures;

    public bool HasUnknowns { get; private set; }

    /// <summary>Reports a problem; only the first one per property is kept (a property is read more than once).</summary>
    public void Fail(string property, string reason)
    {
        if (!_failures.Any(f => f.Property == property))
        {
            _failures.Add(new CheckFailure(property, reason));
        }
    }

    /// <summary>True when the property is set to an unknown value (preview).</summary>
    public bool IsUnknown(string name) => _values.Get(name).Plain.ContainsUnknowns;

    public string? String(string name)
    {
        var value = Value(name);
        switch (value)
        {
            case null or NullValue:
                return null;
            case StringValue s:
                return s.Value;
            case NumberValue n:
                return n.Value.ToString(CultureInfo.InvariantCulture);
            case BoolValue b:
                return b.Value ? "true" : "false";
            default:
                Fail(name, $"expected a string, got {Describe(value)}");
                return null;
        }
    }

    public string RequiredString(string name)
    {
        var s = String(name);
        if (s is null && !IsUnknown(name) && !_failures.Any(f => f.Property == name))
        {
            Fail(name, "is required; set it to a non-empty string");
        }
        else if (s is { Length: 0 })
        {
            Fail(name, "must not be empty");
        }
        return s ?? "";
    }

    public long? Integer(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var value = Value(name);
        long? result = value switch
        {
            null or NullValue => null,
            NumberValue n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 9e15 => (long)n.Value,
            StringValue s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ => Invalid(name, value, "a whole number"),
        };
        if (result is { } r && (r < min || r > max))
        {
            Fail(name, $"must be between {min} and {max}, got {r}");
        }
        return result;
    }

    public bool? Boolean(string name)
    {
        var value = Value(name);
        switch (value)
        {
            case null or NullValue:
                return null;
            case BoolValue b:
                return b.Value;
            case StringValue { Value: "true" or "True" }:
                return true;
            case StringValue { Value: "false" or "False" }:
                return false;
            default:
                Fail(name, $"expected true or false, got {Describe(value)}");
                return null;
        }
    }

    public ImmutableArray<string> StringList(string name)
    {
        var value = Value(name);
        if (value is null or NullValue)
        {
            return [];
        }
        if (value is not ArrayValue array)
        {
            Fail(name, $"expected a list of strings, got {Describe(value)}");
            return [];
        }
        var builder = ImmutableArray.CreateBuilder<string>(array.Items.Length);
        for (var i = 0; i < array.Items.Length; i++)
        {
            switch (array.Items[i].Plain)
            {
                case StringValue s:
                    builder.Add(s.Value);
                    break;
                case UnknownValue:
                    HasUnknowns = true;
                    break;
                default:
                    Fail($"{name}[{i}]", $"expected a string, got {Describe(array.Items[i].Plain)}");
                    break;
            }
        }
        return builder.ToImmutable();
    }

    public ImmutableSortedDictionary<string, string> StringMap(string name)
    {
        var value = Value(name);
        if (value is null or NullValue)
        {
            return ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        }
        if (value is not ObjectValue obj)
        {
            Fail(name, $"expected a map of strings, got {Describe(value)}");
            return ImmutableSortedDictionary<string, string>.Empty;
        }
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, item) in obj.Map)
        {
            switch (item.Plain)
            {
                case StringValue s:
                    builder[key] = s.Value;
                    break;
                case NumberValue or BoolValue:
                    builder[key] = String(item.Plain);
                    break;
                case UnknownValue:
                    HasUnknowns = true;
                    break;
                default:
                    Fail($"{name}.{key}", $"expected a string, got {Describe(item.Plain)}");
                    break;
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>The raw (plain) value for properties of type Any.</summary>
    public PropertyValue? Raw(string name) => Value(name);

    private PropertyValue? Value(string name)
    {
        var value = _values.Get(name).Plain;
        if (value.ContainsUnknowns && value is UnknownValue)
        {
            HasUnknowns = true;
            return null;
        }
        return value;
    }

    private long? Invalid(string name, PropertyValue value, string expected)
    {
        Fail(name, $"expected {expected}, got {Describe(value)}");
        return null;
    }

    private static string String(PropertyValue value) => value switch
    {
        NumberValue n => n.Value.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        _ => "",
    };

    private static string Describe(PropertyValue value) => value switch
    {
        StringValue => "a string",
        NumberValue n => $"the number {n.Value.ToString(CultureInfo.InvariantCulture)}",
        BoolValue b => b.Value ? "true" : "false",
        ArrayValue => "a list",
        ObjectValue => "an object",
        ResourceRefValue => "a resource reference",
        _ => "null",
    };
}
