using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// The entries that changed between two values of one property, as property paths: two maps or two lists are
/// walked down to the entries that differ (<c>tasks.train.image</c>, <c>registries[0].password</c>), so the
/// engine prints each changed entry with its old and new value instead of the whole property. Other values
/// are one change at the property's own path.
/// </summary>
internal static class NestedChanges
{
    public static IEnumerable<(string Path, DiffKind Kind)> Between(string path, PropertyValue recorded, PropertyValue desired, bool replace)
    {
        var changes = new List<(string, DiffKind)>();
        Walk(path, recorded.Plain, desired.Plain, replace, changes, depth: 0);
        return changes.Count > 0 ? changes : [(path, Kind(recorded.Plain, desired.Plain, replace))];
    }

    public static DiffKind Kind(PropertyValue old, PropertyValue desired, bool replace) => (old, desired) switch
    {
        (NullValue, _) => replace ? DiffKind.AddReplace : DiffKind.Add,
        (_, NullValue) => replace ? DiffKind.DeleteReplace : DiffKind.Delete,
        _ => replace ? DiffKind.UpdateReplace : DiffKind.Update,
    };

    private static void Walk(string path, PropertyValue old, PropertyValue desired, bool replace, List<(string, DiffKind)> changes, int depth)
    {
        if (PropertyValueComparer.DeepEquals(old, desired))
        {
            return;
        }
        switch (old, desired)
        {
            case (ObjectValue a, ObjectValue b) when depth < 32 && !desired.ContainsUnknowns:
                foreach (var key in a.Map.Keys.Union(b.Map.Keys).Order(StringComparer.Ordinal))
                {
                    Walk(PropertyPaths.Key(path, key), a.Map.Get(key).Plain, b.Map.Get(key).Plain, replace, changes, depth + 1);
                }
                return;
            case (ArrayValue a, ArrayValue b) when depth < 32 && !desired.ContainsUnknowns:
                for (var i = 0; i < Math.Max(a.Items.Length, b.Items.Length); i++)
                {
                    var before = i < a.Items.Length ? a.Items[i].Plain : PropertyValue.Null;
                    var after = i < b.Items.Length ? b.Items[i].Plain : PropertyValue.Null;
                    Walk(PropertyPaths.Index(path, i), before, after, replace, changes, depth + 1);
                }
                return;
            default:
                changes.Add((path, Kind(old, desired, replace)));
                return;
        }
    }
}
