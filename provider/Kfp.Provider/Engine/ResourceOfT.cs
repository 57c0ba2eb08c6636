using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// A resource with typed inputs (<typeparamref name="TArgs"/>) and state (<typeparamref name="TState"/>): sealed records
/// whose <see cref="RecordShape{T}"/> declares each property once, for the schema, Check, Diff and the secret marking.
/// The resource reads property maps as records and writes records back; it never names a property in a string.
/// </summary>
internal abstract class Resource<TArgs, TState>(RecordShape<TArgs> args, RecordShape<TState> state) : Resource
    where TArgs : class
    where TState : class
{
    /// <summary>
    /// The definition from the two records: the inputs in declaration order, then the outputs that are not inputs.
    /// A state field without a description mirrors the input of the same name (an input echoed with its live value).
    /// </summary>
    public static ResourceDefinition Define(string token, string description, RecordShape<TArgs> args, RecordShape<TState> state,
        string idProperty, bool autoNamed = false)
    {
        foreach (var field in state.Fields.Where(f => args.Find(f.Name) is not null != (f.Spec.Description.Length == 0)))
        {
            throw new InvalidOperationException(field.Spec.Description.Length == 0
                ? $"{token}: output '{field.Name}' has no description and mirrors no input"
                : $"{token}: output '{field.Name}' is also an input: leave its description empty (the input's is used)");
        }
        return new ResourceDefinition(token, description, [.. args.Specs, .. state.Specs.Where(s => args.Find(s.Name) is null)])
        {
            IdProperty = idProperty,
            AutoNamed = autoNamed,
        };
    }

    /// <summary>Reads inputs already checked (Create, Update, recorded inputs).</summary>
    protected TArgs Args(PropertyMap inputs) => args.Bind(inputs);

    /// <summary>Reads inputs that may hold unknown values (Check): <paramref name="binder"/> tells which were unknown.</summary>
    protected TArgs Args(PropertyMap inputs, out Binder binder)
    {
        binder = new Binder();
        return args.Bind(inputs, binder);
    }

    /// <summary>Reads recorded outputs.</summary>
    protected TState State(PropertyMap outputs) => state.Bind(outputs);

    /// <summary>The set fields of <paramref name="value"/> written onto <paramref name="onto"/>.</summary>
    protected PropertyMap Write(TArgs value, PropertyMap? onto = null) => args.Write(value, onto);

    /// <summary>The set fields of <paramref name="value"/> written onto <paramref name="onto"/> (typically the inputs).</summary>
    protected PropertyMap Write(TState value, PropertyMap? onto = null) => state.Write(value, onto);

    /// <summary>The schema defaults written for the inputs that are absent (recorded, so diffs stay stable).</summary>
    protected PropertyMap WithDefaults(PropertyMap inputs) =>
        args.Fields.Where(f => f.Spec.Default is not null && !inputs.Has(f.Name)).Aggregate(inputs, (map, f) => map.With(f.Name, f.Spec.Default switch
        {
            bool b => PropertyValue.Of(b),
            long l => PropertyValue.Of(l),
            string t => PropertyValue.Of(t),
            var other => throw new InvalidOperationException($"{f.Name}: no property value for a default of type {other?.GetType().Name}"),
        }));

    private protected sealed override void Validate(PropertyMap news, Binder binder) => Validate(args.Bind(news, binder), binder);

    /// <summary>Rules across fields or beyond the field rules (the binder has already type-checked every input).</summary>
    protected virtual void Validate(TArgs inputs, Binder binder)
    {
    }
}
