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
        SecretValue or ResourceRefValue or OutputValue => Value.ForStruct(ToStruct(SpecialValues.Lower(value)!)),
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

    private static PropertyValue FromObject(Struct value, string path) => SpecialValues.Raise(FromFields(value, path), path);
}
