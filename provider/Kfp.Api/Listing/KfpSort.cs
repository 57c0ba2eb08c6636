namespace Kfp.Api.Listing;

/// <summary>A list order, sent as <c>sort_by=field</c> or <c>sort_by=field desc</c>.</summary>
/// <param name="Field">API field name, e.g. <c>created_at</c> or <c>display_name</c>.</param>
public sealed record KfpSort(string Field, bool Descending = false)
{
    public static KfpSort Ascending(string field) => new(field);

    public static KfpSort Desc(string field) => new(field, Descending: true);

    public override string ToString() => Descending ? $"{Field} desc" : Field;
}
