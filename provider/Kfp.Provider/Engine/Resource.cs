using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// A resource type. Subclasses give the definition, input validation and the real Create/Read/Delete (and
/// Update when something can change in place); the engine does previews, autonaming, diffs, secrets and
/// the wire. Defaults: Check validates and autonames; Diff compares inputs and, through <see cref="ReadAsync"/>,
/// the live object; Update fails (every change replaces) unless overridden.
/// </summary>
public abstract class Resource
{
    public abstract ResourceDefinition Definition { get; }

    /// <summary>
    /// Rules beyond the types the definition declares (ranges, patterns, combinations); the base has already
    /// type-checked every input from its <see cref="PropertySpec"/>.
    /// </summary>
    protected virtual void Validate(InputReader inputs)
    {
    }

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
        var reader = new InputReader(news);
        foreach (var spec in Definition.Inputs.Where(p => p.Required))
        {
            if (!news.Has(spec.Name))
            {
                reader.Fail(spec.Name, $"is required by {Definition.Token}; set '{spec.Name}'");
            }
        }
        foreach (var key in news.Keys.Where(k => Definition.Find(k) is not { Input: true } && !k.StartsWith("__", StringComparison.Ordinal)))
        {
            reader.Fail(key, $"is not an input of {Definition.Token}; remove it or check its spelling");
        }
        TypeCheck(reader);
        Validate(reader);
        return Task.FromResult(new CheckResult(news, reader.Failures));
    }

    /// <summary>Every input read once as its declared type, so a value of the wrong type is always a failure.</summary>
    private void TypeCheck(InputReader inputs)
    {
        foreach (var spec in Definition.Inputs)
        {
            switch (spec.Type)
            {
                case PropertyType.String when spec.Required:
                    inputs.RequiredString(spec.Name);
                    break;
                case PropertyType.String:
                    inputs.String(spec.Name);
                    break;
                case PropertyType.Integer:
                    inputs.Integer(spec.Name);
                    break;
                case PropertyType.Boolean:
                    inputs.Boolean(spec.Name);
                    break;
                case PropertyType.StringList:
                    inputs.StringList(spec.Name);
                    break;
                case PropertyType.StringMap:
                    inputs.StringMap(spec.Name);
                    break;
                default:
                    // Number, Any and object lists have shapes only the resource knows: its Validate reads them.
                    break;
            }
        }
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
    /// The outputs an in-place update will have, as far as preview can know them: the recorded outputs with
    /// the new inputs on top. A resource whose update changes computed outputs marks those unknown.
    /// </summary>
    public virtual PropertyMap PreviewUpdate(UpdateContext context) =>
        context.News.Aggregate(context.OldOutputs, (outputs, input) => outputs.With(input.Key, input.Value));
}
