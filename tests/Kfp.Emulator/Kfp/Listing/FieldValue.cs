using System.Globalization;

namespace Kfp.Emulator.Kfp.Listing;

/// <summary>A sortable, filterable column value: a string or a number (timestamps as Unix seconds).</summary>
internal readonly record struct FieldValue(string? Text, long? Number) : IComparable<FieldValue>
{
    public static FieldValue Of(string? text) => new(text ?? "", null);

    public static FieldValue Of(long number) => new(null, number);

    public static FieldValue Of(DateTimeOffset? time) => new(null, time?.ToUnixTimeSeconds() ?? 0);

    public int CompareTo(FieldValue other) =>
        Number is { } a && other.Number is { } b
            ? a.CompareTo(b)
            : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
