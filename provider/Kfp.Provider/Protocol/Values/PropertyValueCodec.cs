using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;

namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// Converts between <c>google.protobuf.Struct</c> and <see cref="PropertyMap"/>, recursively, in both
/// directions. Assets and archives are rejected: no KFP resource takes one.
/// </summary>
public static class PropertyValueCodec
{
    /// <summary>Reads a property bag; a missing Struct reads as an empty map (the engine sends both).</summary>
    public static PropertyMap FromStruct(Struct? value) =>
        value is null ? PropertyMap.Empty : FromFields(value, "");

    public static Struct ToStruct(PropertyMap map)
    {
        var result = new Struct();
        foreach (var (key, value) in map)
        {
            result.Fields.Add(key, ToValue(value));
        }
        return result;
    }

    public static PropertyValue FromValue(Value value, string path) => value.KindCase switch
    {
        Value.KindOneofCase.None or Value.KindOneofCase.NullValue => PropertyValue.Null,
        Value.KindOneofCase.BoolValue => new BoolValue(value.BoolValue),
        Value.KindOneofCase.NumberValue => new NumberValue(value.NumberValue),
        Value.KindOneofCase.StringValue => WireSignatures.Unknowns.Contains(value.StringValue)
            ? PropertyValue.Unknown
            : new StringValue(value.StringValue),
        Value.KindOneofCase.ListValue => new ArrayValue(
            [.. value.ListValue.Values.Select((v, i) => FromValue(v, $"{path}[{i}]"))]),
        Value.KindOneofCase.StructValue => FromObject(value.StructValue, path),
        _ => throw new PropertyValueException(path, $"unsupported value kind {value.KindCase}"),
    };

    public static Value ToValue(PropertyValue value) => value switch
    {
        NullValue => Value.ForNull(),
        BoolValue b => Value.ForBool(b.Value),
        NumberValue n => Value.ForNumber(n.Value),
        StringValue s => Value.ForString(s.Value),
        UnknownValue => Value.ForString(WireSignatures.UnknownString),
        ArrayValue a => Value.ForList([.. a.Items.Select(ToValue)]),
        ObjectValue o => Value.ForStruct(ToStruct(o.Map)),
        SecretValue s => Special(WireSignatures.Secret, ("value", ToValue(s.Inner))),
        ResourceRefValue r => ResourceReference(r),
        OutputValue o => Output(o),
        _ => throw new InvalidOperationException($"unknown property value type {value.GetType().Name}"),
    };

    private static PropertyMap FromFields(Struct value, string prefix)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, field) in value.Fields)
        {
            builder[key] = FromValue(field, prefix.Length == 0 ? key : $"{prefix}.{key}");
        }
        return new PropertyMap(builder.ToImmutable());
    }

    private static PropertyValue FromObject(Struct value, string path)
    {
        if (!value.Fields.TryGetValue(WireSignatures.Key, out var sig))
        {
            return new ObjectValue(FromFields(value, path));
        }
        var field = (string name) => value.Fields.TryGetValue(name, out var v) ? v : null;
        var text = (string name) => field(name) is { KindCase: Value.KindOneofCase.StringValue } v ? v.StringValue : null;
        return sig.StringValue switch
        {
            WireSignatures.Secret => PropertyValue.MakeSecret(field("value") is { } inner ? FromValue(inner, path) : PropertyValue.Null),
            WireSignatures.ResourceReference => new ResourceRefValue(
                text("urn") ?? throw new PropertyValueException(path, "resource reference without a urn"),
                text("id") is { Length: > 0 } id && !WireSignatures.Unknowns.Contains(id) ? id : null,
                text("packageVersion") ?? ""),
            WireSignatures.OutputValue => new OutputValue(
                field("value") is { } v ? FromValue(v, path) : null,
                field("secret") is { KindCase: Value.KindOneofCase.BoolValue, BoolValue: true },
                field("dependencies") is { KindCase: Value.KindOneofCase.ListValue } deps
                    ? [.. deps.ListValue.Values.Select(d => d.StringValue)]
                    : []),
            WireSignatures.Asset or WireSignatures.Archive => throw new PropertyValueException(path,
                "assets and archives are not supported by the kfp provider; pass a file path as a string instead"),
            WireSignatures.ByteString => throw new PropertyValueException(path,
                "byte strings are not supported by the kfp provider; pass text"),
            _ => throw new PropertyValueException(path, $"unknown special value signature '{sig.StringValue}'"),
        };
    }

    private static Value ResourceReference(ResourceRefValue r)
    {
        var fields = new List<(string, Value)> { ("urn", Value.ForString(r.Urn)), ("id", Value.ForString(r.Id ?? "")) };
        if (r.PackageVersion.Length > 0)
        {
            fields.Add(("packageVersion", Value.ForString(r.PackageVersion)));
        }
        return Special(WireSignatures.ResourceReference, [.. fields]);
    }

    private static Value Output(OutputValue o)
    {
        var fields = new List<(string, Value)>();
        if (o.Value is not null)
        {
            fields.Add(("value", ToValue(o.Value)));
        }
        if (o.Secret)
        {
            fields.Add(("secret", Value.ForBool(true)));
        }
        if (!o.Dependencies.IsDefaultOrEmpty)
        {
            fields.Add(("dependencies", Value.ForList([.. o.Dependencies.Select(Value.ForString)])));
        }
        return Special(WireSignatures.OutputValue, [.. fields]);
    }

    private static Value Special(string signature, params (string Key, Value Value)[] fields)
    {
        var s = new Struct();
        s.Fields.Add(WireSignatures.Key, Value.ForString(signature));
        foreach (var (key, value) in fields)
        {
            s.Fields.Add(key, value);
        }
        return Value.ForStruct(s);
    }
}
