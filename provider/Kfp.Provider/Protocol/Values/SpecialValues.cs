using System.Collections.Immutable;

namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// Pulumi's special values (secrets, resource references, output values) as the objects that carry them on the wire: an
/// object whose signature key names the kind. One place for both directions, shared by the protobuf-object codec
/// (<see cref="PropertyValueCodec"/>) and the byte codec (<see cref="StructCodec"/>). Unknowns are a string sentinel,
/// not an object, and are handled by each codec where it reads strings.
/// </summary>
internal static class SpecialValues
{
    /// <summary>The object a special value travels as, or null when <paramref name="value"/> is not special.</summary>
    public static PropertyMap? Lower(PropertyValue value) => value switch
    {
        SecretValue s => Object(WireSignatures.Secret, ("value", s.Inner)),
        ResourceRefValue r => r.PackageVersion.Length > 0
            ? Object(WireSignatures.ResourceReference, ("urn", PropertyValue.Of(r.Urn)), ("id", PropertyValue.Of(r.Id ?? "")), ("packageVersion", PropertyValue.Of(r.PackageVersion)))
            : Object(WireSignatures.ResourceReference, ("urn", PropertyValue.Of(r.Urn)), ("id", PropertyValue.Of(r.Id ?? ""))),
        OutputValue o => Object(WireSignatures.OutputValue, [.. OutputFields(o)]),
        _ => null,
    };

    /// <summary>
    /// The value an object read from the wire stands for: itself, or the special value its signature names. Assets,
    /// archives and byte strings are refused (no kfp resource takes one); <paramref name="path"/> names the property.
    /// </summary>
    public static PropertyValue Raise(PropertyMap fields, string path)
    {
        if (!fields.TryGetValue(WireSignatures.Key, out var signature))
        {
            return new ObjectValue(fields);
        }
        var text = (string name) => fields.Get(name) is StringValue s ? s.Value : null;
        var kind = signature is StringValue named ? named.Value : "";
        return kind switch
        {
            WireSignatures.Secret => PropertyValue.MakeSecret(fields.Get("value")),
            WireSignatures.ResourceReference => new ResourceRefValue(
                text("urn") ?? throw new PropertyValueException(path, "resource reference without a urn"),
                text("id") is { Length: > 0 } id ? id : null,
                text("packageVersion") ?? ""),
            WireSignatures.OutputValue => new OutputValue(
                fields.TryGetValue("value", out var value) ? value : null,
                fields.Get("secret") is BoolValue { Value: true },
                fields.Get("dependencies") is ArrayValue deps ? [.. deps.Items.Select(d => (d as StringValue)?.Value ?? "")] : []),
            WireSignatures.Asset or WireSignatures.Archive => throw new PropertyValueException(path,
                "assets and archives are not supported by the kfp provider; pass a file path as a string instead"),
            WireSignatures.ByteString => throw new PropertyValueException(path,
                "byte strings are not supported by the kfp provider; pass text"),
            _ => throw new PropertyValueException(path, $"unknown special value signature '{kind}'"),
        };
    }

    private static IEnumerable<(string, PropertyValue)> OutputFields(OutputValue o)
    {
        if (o.Value is not null)
        {
            yield return ("value", o.Value);
        }
        if (o.Secret)
        {
            yield return ("secret", PropertyValue.Of(true));
        }
        if (!o.Dependencies.IsDefaultOrEmpty)
        {
            yield return ("dependencies", PropertyValue.Of(o.Dependencies.Select(PropertyValue.Of)));
        }
    }

    private static PropertyMap Object(string signature, params (string Key, PropertyValue Value)[] fields)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        builder[WireSignatures.Key] = PropertyValue.Of(signature);
        foreach (var (key, value) in fields)
        {
            builder[key] = value;
        }
        return new PropertyMap(builder.ToImmutable());
    }
}
