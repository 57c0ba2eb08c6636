using System.Text.Json.Serialization;
using Kfp.Api.Filtering;

namespace Kfp.Api.Json;

/// <summary>KFP <c>Filter</c> on the wire.</summary>
internal sealed record FilterWire(IReadOnlyList<PredicateWire> Predicates)
{
    public static FilterWire From(KfpFilter filter) => new([.. filter.Predicates.Select(PredicateWire.From)]);
}

/// <summary>KFP <c>Predicate</c> on the wire: one of the value fields is set.</summary>
internal sealed record PredicateWire(KfpFilterOperation Operation, string Key)
{
    public string? StringValue { get; init; }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public long? LongValue { get; init; }

    public DateTimeOffset? TimestampValue { get; init; }

    public ValuesWire? StringValues { get; init; }

    public static PredicateWire From(KfpPredicate p) => new(p.Operation, p.Key)
    {
        StringValue = p.StringValue,
        LongValue = p.LongValue,
        TimestampValue = p.TimestampValue,
        StringValues = p.StringValues.IsDefaultOrEmpty ? null : new ValuesWire([.. p.StringValues]),
    };
}

/// <summary>The <c>{"values":[…]}</c> wrapper of list-valued predicates.</summary>
internal sealed record ValuesWire(IReadOnlyList<string> Values);
