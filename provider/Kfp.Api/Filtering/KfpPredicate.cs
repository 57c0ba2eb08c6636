using System.Collections.Immutable;

namespace Kfp.Api.Filtering;

/// <summary>
/// One condition of a <see cref="KfpFilter"/>: a field, an operation and exactly one typed value.
/// Build with the static methods, e.g. <c>KfpPredicate.Equal("display_name", "nightly")</c>.
/// </summary>
public sealed record KfpPredicate
{
    private KfpPredicate(string key, KfpFilterOperation operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Operation = operation;
    }

    /// <summary>API field name, e.g. <c>display_name</c>, <c>created_at</c>, <c>tags.team</c>.</summary>
    public string Key { get; }

    public KfpFilterOperation Operation { get; }

    public string? StringValue { get; private init; }

    public long? LongValue { get; private init; }

    public DateTimeOffset? TimestampValue { get; private init; }

    public ImmutableArray<string> StringValues { get; private init; } = [];

    public static KfpPredicate Equal(string key, string value) => Compare(key, KfpFilterOperation.EqualTo, value);

    public static KfpPredicate NotEqual(string key, string value) => Compare(key, KfpFilterOperation.NotEqualTo, value);

    public static KfpPredicate Substring(string key, string value) => Compare(key, KfpFilterOperation.IsSubstring, value);

    public static KfpPredicate Compare(string key, KfpFilterOperation operation, string value) =>
        new(key, operation) { StringValue = value ?? throw new ArgumentNullException(nameof(value)) };

    public static KfpPredicate Compare(string key, KfpFilterOperation operation, long value) =>
        new(key, operation) { LongValue = value };

    public static KfpPredicate Compare(string key, KfpFilterOperation operation, DateTimeOffset value) =>
        new(key, operation) { TimestampValue = value };

    public static KfpPredicate In(string key, params IEnumerable<string> values) =>
        new(key, KfpFilterOperation.In) { StringValues = [.. values] };
}
