using System.Collections.Immutable;

namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// A Pulumi property value as the engine sends it inside a <c>google.protobuf.Struct</c>: plain JSON-like
/// values plus the special kinds the engine encodes with the signature key (secrets, unknowns, resource
/// references, output values). Compare values with <see cref="PropertyValueComparer"/>, never with <c>==</c>.
/// </summary>
public abstract record PropertyValue
{
    public static PropertyValue Null { get; } = new NullValue();

    public static PropertyValue Unknown { get; } = new UnknownValue();

    public static PropertyValue Of(string? value) => value is null ? Null : new StringValue(value);

    public static PropertyValue Of(bool value) => new BoolValue(value);

    public static PropertyValue Of(double value) => new NumberValue(value);

    public static PropertyValue Of(IEnumerable<PropertyValue> items) => new ArrayValue([.. items]);

    public static PropertyValue Of(PropertyMap map) => new ObjectValue(map);

    public static PropertyValue MakeSecret(PropertyValue inner) => inner is SecretValue ? inner : new SecretValue(inner);

    /// <summary>True when this value, or anything inside it, is unknown (preview only).</summary>
    public bool ContainsUnknowns => this switch
    {
        UnknownValue => true,
        SecretValue s => s.Inner.ContainsUnknowns,
        OutputValue o => o.Value is null || o.Value.ContainsUnknowns,
        ArrayValue a => AnyItem(a.Items, static v => v.ContainsUnknowns),
        ObjectValue o => AnyItem(o.Map, static v => v.ContainsUnknowns),
        _ => false,
    };

    /// <summary>True when this value is itself a secret, or an output marked secret.</summary>
    public bool IsSecret => this is SecretValue || this is OutputValue { Secret: true };

    /// <summary>True when this value or anything inside it is secret.</summary>
    public bool ContainsSecrets => this switch
    {
        SecretValue => true,
        OutputValue o => o.Secret || (o.Value?.ContainsSecrets ?? false),
        ArrayValue a => AnyItem(a.Items, static v => v.ContainsSecrets),
        ObjectValue o => AnyItem(o.Map, static v => v.ContainsSecrets),
        _ => false,
    };

    /// <summary>
    /// The value with secret and output wrappers removed at every level. A value with no wrapper inside is returned as
    /// it is, not copied, and a map remembers that it has none (<see cref="PropertyMap.IsPlain"/>): a Pipeline's
    /// recorded view has thousands of values, and the engine sends the same view again with every Check and Diff.
    /// </summary>
    public PropertyValue Plain => this switch
    {
        SecretValue s => s.Inner.Plain,
        OutputValue { Value: null } => Unknown,
        OutputValue o => o.Value!.Plain,
        ArrayValue a => AllPlain(a.Items) ? a : new ArrayValue(PlainItems(a.Items)),
        ObjectValue o => o.Map.IsPlain ? o : new ObjectValue(o.Map.Select(static v => v.Plain)),
        _ => this,
    };

    /// <summary>True when neither this value nor anything inside it is a secret or an output.</summary>
    internal bool IsPlain => this switch
    {
        SecretValue or OutputValue => false,
        ArrayValue a => AllPlain(a.Items),
        ObjectValue o => o.Map.IsPlain,
        _ => true,
    };

    private static bool AnyItem(ImmutableArray<PropertyValue> items, Func<PropertyValue, bool> test)
    {
        foreach (var item in items)
        {
            if (test(item))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyItem(PropertyMap map, Func<PropertyValue, bool> test)
    {
        foreach (var (_, value) in map)
        {
            if (test(value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AllPlain(ImmutableArray<PropertyValue> items)
    {
        foreach (var item in items)
        {
            if (!item.IsPlain)
            {
                return false;
            }
        }
        return true;
    }

    private static ImmutableArray<PropertyValue> PlainItems(ImmutableArray<PropertyValue> items)
    {
        var builder = ImmutableArray.CreateBuilder<PropertyValue>(items.Length);
        foreach (var item in items)
        {
            builder.Add(item.Plain);
        }
        return builder.MoveToImmutable();
    }
}

/// <summary>JSON null, or a property that is absent.</summary>
public sealed record NullValue : PropertyValue;

public sealed record BoolValue(bool Value) : PropertyValue;

/// <summary>A number; Pulumi sends every number, integers included, as a double.</summary>
public sealed record NumberValue(double Value) : PropertyValue;

public sealed record StringValue(string Value) : PropertyValue;

public sealed record ArrayValue(ImmutableArray<PropertyValue> Items) : PropertyValue;

public sealed record ObjectValue(PropertyMap Map) : PropertyValue;

/// <summary>A value that must stay secret in state, diffs and logs.</summary>
public sealed record SecretValue(PropertyValue Inner) : PropertyValue;

/// <summary>A value not known until the deployment runs (preview only).</summary>
public sealed record UnknownValue : PropertyValue;

/// <summary>A reference to another resource; <see cref="Id"/> is null or empty when not known yet.</summary>
public sealed record ResourceRefValue(string Urn, string? Id, string PackageVersion) : PropertyValue;

/// <summary>An output value (Construct/Call only); a null <see cref="Value"/> means unknown.</summary>
public sealed record OutputValue(PropertyValue? Value, bool Secret, ImmutableArray<string> Dependencies) : PropertyValue;
