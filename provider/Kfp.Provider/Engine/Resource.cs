using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// A resource type, type-erased: what the provider dispatches to by token. Resources derive from
/// <see cref="Resource{TArgs, TState}"/>, which binds property maps to their records. Subclasses give the real
/// Create/Read/Delete (and Update when something can change in place); the engine does previews, autonaming,
/// diffs, secrets and the wire. Defaults: Check validates and autonames; Diff compares inputs and, through
/// <see cref="ReadAsync"/>, the live object; Update fails (every change replaces) unless overridden.
/// </summary>
internal abstract class Resource
{
    public abstract ResourceDefinition Definition { get; }

    /// <summary>
    /// Binds and validates the inputs Check settled on (defaults and autonaming already applied): every
    /// problem a failure at its property path, unknown values (preview) never a failure.
    /// </summary>
    private protected abstract void Validate(PropertyMap news, Binder binder);

    public virtual Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        // What Check computes (e.g. specHash) is never taken from the program or an import: it is recomputed.
        var news = Definition.Properties.Where(p => p.ComputedByCheck).Aggregate(context.News, (map, p) => map.Without(p.Name));
        if (Definition.AutoNamed && !news.Has("name"))
        {
            news = news.With("name", context.Olds.Has("name")
                ? context.Olds.Get("name")
                : PropertyValue.Of(Autonamer.Name(context.Resource.Name, context.RandomSeed.Span)));
        }
        var binder = new Binder();
        foreach (var spec in Definition.Inputs.Where(p => p.Required))
        {
            if (!news.Has(spec.Name))
            {
                binder.Fail(spec.Name, $"is required by {Definition.Token}; set '{spec.Name}'");
            }
        }
        foreach (var key in news.Keys.Where(k => Definition.Find(k) is not { Input: true } && !k.StartsWith("__", StringComparison.Ordinal)))
        {
            binder.Fail(key, $"is not an input of {Definition.Token}; remove it or check its spelling");
        }
        Validate(news, binder);
        return Task.FromResult(new CheckResult(news, binder.Failures));
    }

    /// <summary>Creates the object for real; throw <see cref="ResourceInitFailedException"/> for partial state.</summary>
    public abstract Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken);

    /// <summary>Reads the live object by ID; null when it no longer exists.</summary>
    public abstract Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The live object as Diff needs it for drift: at most one GET in the common case. Defaults to
    /// <see cref="ReadAsync"/>; a resource whose full read takes several calls overrides it.
    /// </summary>
    public virtual Task<ReadResult?> ReadLiveAsync(ReadContext context, CancellationToken cancellationToken) =>
        ReadAsync(context, cancellationToken);

    public virtual Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken) =>
        throw new ResourceException($"{Definition.Token} '{context.Resource.Name}' cannot be updated in place; this is a bug in the provider's Diff, which should have asked for a replacement.");

    /// <summary>Deletes the object; an object that is already gone is a success.</summary>
    public abstract Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The outputs a create will have, as far as preview can know them: the inputs, with the outputs only known once
    /// the object exists marked unknown. A resource that can tell an output from its inputs (a name) overrides it.
    /// </summary>
    public virtual PropertyMap PreviewCreate(PropertyMap inputs) =>
        Definition.ComputedOutputs.Aggregate(inputs, (map, spec) => map.With(spec.Name, PropertyValue.Unknown));

    /// <summary>
    /// The outputs an in-place update will have, as far as preview can know them: the recorded outputs with
    /// the new inputs on top. A resource whose update changes computed outputs marks those unknown.
    /// </summary>
    public virtual PropertyMap PreviewUpdate(UpdateContext context) =>
        context.News.Aggregate(context.OldOutputs, (outputs, input) => outputs.With(input.Key, input.Value));
}
