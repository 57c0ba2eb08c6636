using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>
/// How values of one .NET type map to and from property values: written once per type, used by every field
/// of that type. <see cref="Read"/> gets a plain, known, non-null value and reports a failure at the path when
/// it has the wrong shape.
/// </summary>
internal abstract class Kind<T>
{
    public abstract PropertyType Type { get; }

    /// <summary>For object lists: the schema token of the item type.</summary>
    public virtual string? ObjectType => null;

    public abstract bool TryRead(PropertyValue value, string path, Binder binder, out T result);

    /// <summary>The property value, or null when the field is absent (not written).</summary>
    public abstract PropertyValue? Write(T value);
}
