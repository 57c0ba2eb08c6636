using System.Collections.Immutable;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>A list of objects bound through the item's <see cref="RecordShape{T}"/>: failures at <c>name[i].field</c>.</summary>
internal sealed class ObjectListKind<TItem>(RecordShape<TItem> item, string token) : Kind<ImmutableArray<TItem>?>
    where TItem : class
{
    public override PropertyType Type => PropertyType.ObjectList;

    public override string? ObjectType => token;

    public override bool TryRead(PropertyValue value, string path, Binder binder, out ImmutableArray<TItem>? result)
    {
        result = null;
        if (value is not ArrayValue array)
        {
            binder.Fail(path, $"expected a list of objects ({string.Join(", ", item.Fields.Select(f => f.Name))}), got {Binder.Describe(value)}");
            return false;
        }
        var builder = ImmutableArray.CreateBuilder<TItem>(array.Items.Length);
        for (var i = 0; i < array.Items.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            switch (array.Items[i])
            {
                case UnknownValue:
                    binder.Unknown(itemPath);
                    break;
                case ObjectValue obj:
                    builder.Add(item.Bind(obj.Map, binder, itemPath));
                    break;
                default:
                    binder.Fail(itemPath, $"expected an object ({string.Join(", ", item.Fields.Select(f => f.Name))}), got {Binder.Describe(array.Items[i])}");
                    break;
            }
        }
        result = builder.ToImmutable();
        return true;
    }

    public override PropertyValue? Write(ImmutableArray<TItem>? value) =>
        value is { } v ? PropertyValue.Of(v.Select(i => PropertyValue.Of(item.Write(i)))) : null;
}
