using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Kfp.Provider.Protocol.Values;

/// <summary>An immutable property bag with keys in ordinal order, so every rendering of it is deterministic.</summary>
[SuppressMessage("Naming", "CA1710", Justification = "Pulumi's own name for a property bag.")]
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>
{
    private readonly ImmutableSortedDictionary<string, PropertyValue> _values;

    // Whether any value inside is a secret or an output: 0 not walked yet, 1 none, 2 some. The map is immutable, so the
    // first walk's answer holds for its life; two threads racing only walk twice.
    private int _wrappers;

    public PropertyMap(ImmutableSortedDictionary<string, PropertyValue> values) =>
        _values = values.WithComparers(StringComparer.Ordinal);

    public static PropertyMap Empty { get; } = new(ImmutableSortedDictionary<string, PropertyValue>.Empty);

    public static PropertyMap From(IEnumerable<KeyValuePair<string, PropertyValue>> values) =>
        new(values.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<PropertyValue> Values => _values.Values;

    public PropertyValue this[string key] => _values[key];

    /// <summary>The value of <paramref name="key"/>, or <see cref="PropertyValue.Null"/> when absent.</summary>
    public PropertyValue Get(string key) => _values.TryGetValue(key, out var v) ? v : PropertyValue.Null;

    /// <summary>True when the key is present with a value other than null.</summary>
    public bool Has(string key) => _values.TryGetValue(key, out var v) && v is not NullValue;

    public PropertyMap With(string key, PropertyValue value) => new(_values.SetItem(key, value));

    public PropertyMap Without(string key) => new(_values.Remove(key));

    /// <summary>Applies <paramref name="f"/> to every value.</summary>
    public PropertyMap Select(Func<PropertyValue, PropertyValue> f) =>
        new(_values.ToImmutableSortedDictionary(p => p.Key, p => f(p.Value), StringComparer.Ordinal));

    /// <summary>
    /// True when no value in the map, at any depth, is a secret or an output (so <see cref="PropertyValue.Plain"/> of
    /// the map's object is the object itself). Walked once per map, then remembered.
    /// </summary>
    internal bool IsPlain
    {
        get
        {
            if (_wrappers == 0)
            {
                var none = true;
                foreach (var (_, value) in _values)
                {
                    if (!value.IsPlain)
                    {
                        none = false;
                        break;
                    }
                }
                _wrappers = none ? 1 : 2;
            }
            return _wrappers == 1;
        }
    }

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out PropertyValue value) => _values.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
