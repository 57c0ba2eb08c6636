namespace Kfp.Provider.Protocol.Values;

/// <summary>
/// Deep, canonical comparison of property values. Records compare collections by reference, so all diffs
/// go through here. Secret wrappers are ignored (a value that became secret is not a change of value);
/// an unknown equals nothing, not even another unknown.
/// </summary>
public static class PropertyValueComparer
{
    public static bool DeepEquals(PropertyValue a, PropertyValue b) => (a, b) switch
    {
        // One instance (a large value the wire codec found again by its bytes): equal unless it holds an unknown.
        _ when ReferenceEquals(a, b) => !a.ContainsUnknowns,
        (SecretValue s, _) => DeepEquals(s.Inner, b),
        (_, SecretValue s) => DeepEquals(a, s.Inner),
        (OutputValue { Value: { } v }, _) => DeepEquals(v, b),
        (_, OutputValue { Value: { } v }) => DeepEquals(a, v),
        (UnknownValue or OutputValue, _) or (_, UnknownValue or OutputValue) => false,
        (NullValue, NullValue) => true,
        (BoolValue x, BoolValue y) => x.Value == y.Value,
        (NumberValue x, NumberValue y) => x.Value.Equals(y.Value),
        (StringValue x, StringValue y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        (ResourceRefValue x, ResourceRefValue y) => x.Urn == y.Urn && x.Id == y.Id,
        (ArrayValue x, ArrayValue y) => x.Items.Length == y.Items.Length
            && x.Items.Zip(y.Items).All(p => DeepEquals(p.First, p.Second)),
        (ObjectValue x, ObjectValue y) => DeepEquals(x.Map, y.Map),
        _ => false,
    };

    /// <summary>Compares two maps, treating an absent key and a null value as the same.</summary>
    public static bool DeepEquals(PropertyMap a, PropertyMap b) =>
        a.Keys.Union(b.Keys).All(k => DeepEquals(a.Get(k), b.Get(k)));
}
