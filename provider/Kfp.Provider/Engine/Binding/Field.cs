using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>One property of a record: its schema attributes and how to read it from, and write it to, a property map.</summary>
internal abstract class Field<TRecord>
{
    protected Field(PropertySpec spec) => Spec = spec;

    /// <summary>What the schema, Check, Diff and the secret marking know of the property.</summary>
    public PropertySpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>
    /// Reads the property into <paramref name="record"/>: absent and null leave it unset, unknown values (preview) are
    /// recorded as unknown, a value of the wrong shape or one a rule refuses is a failure at <paramref name="path"/>.
    /// </summary>
    public abstract TRecord Read(TRecord record, PropertyValue value, string path, Binder binder);

    /// <summary>The property value of the record's field; null when unset.</summary>
    public abstract PropertyValue? Write(TRecord record);

    /// <summary>The same field with other schema attributes.</summary>
    public abstract Field<TRecord> With(PropertySpec spec);
}

/// <summary>A field of type <typeparamref name="TValue"/>, read and written by its <see cref="Kind{T}"/>.</summary>
internal sealed class Field<TRecord, TValue>(
    PropertySpec spec,
    Kind<TValue> kind,
    Func<TRecord, TValue> get,
    Func<TRecord, TValue, TRecord> set,
    Action<TValue, string, Binder>? validate) : Field<TRecord>(spec)
{
    public override TRecord Read(TRecord record, PropertyValue value, string path, Binder binder)
    {
        var plain = value.Plain;
        if (plain is NullValue)
        {
            return record;
        }
        if (plain is UnknownValue)
        {
            binder.Unknown(path);
            return record;
        }
        if (!kind.TryRead(plain, path, binder, out var result))
        {
            return record;
        }
        validate?.Invoke(result, path, binder);
        return set(record, result);
    }

    public override PropertyValue? Write(TRecord record) => kind.Write(get(record));

    public override Field<TRecord> With(PropertySpec spec) => new Field<TRecord, TValue>(spec, kind, get, set, validate);
}
