using System.Collections.Immutable;
using System.Text.Json;
using Kfp.Api.Json;

namespace Kfp.Api.Filtering;

/// <summary>
/// A KFP list filter: predicates joined with AND, serialised to KFP's <c>Filter</c> JSON
/// (<c>{"predicates":[{"key":…,"operation":"EQUALS","string_value":…}]}</c>).
/// </summary>
public sealed record KfpFilter
{
    private KfpFilter(ImmutableArray<KfpPredicate> predicates) => Predicates = predicates;

    public ImmutableArray<KfpPredicate> Predicates { get; }

    public static KfpFilter Where(KfpPredicate predicate) => new([predicate]);

    /// <summary>Shorthand for <c>Where(KfpPredicate.Equal(key, value))</c>.</summary>
    public static KfpFilter Equal(string key, string value) => Where(KfpPredicate.Equal(key, value));

    public KfpFilter And(KfpPredicate predicate) => new(Predicates.Add(predicate));

    /// <summary>The filter JSON as sent in the <c>filter</c> query parameter (before URL encoding).</summary>
    public string ToJson() => JsonSerializer.Serialize(FilterWire.From(this), KfpJsonContext.Default.FilterWire);

    public override string ToString() => ToJson();
}
