using System.Text.Json.Serialization;
using Kfp.Api.Json;

namespace Kfp.Api.Filtering;

/// <summary>Comparison of a filter predicate (KFP <c>Predicate.Operation</c>).</summary>
[JsonConverter(typeof(KfpEnumConverter<KfpFilterOperation>))]
public enum KfpFilterOperation
{
    [JsonStringEnumMemberName("EQUALS")] EqualTo = 1,
    [JsonStringEnumMemberName("NOT_EQUALS")] NotEqualTo,
    [JsonStringEnumMemberName("GREATER_THAN")] GreaterThan,
    [JsonStringEnumMemberName("GREATER_THAN_EQUALS")] GreaterThanOrEqual,
    [JsonStringEnumMemberName("LESS_THAN")] LessThan,
    [JsonStringEnumMemberName("LESS_THAN_EQUALS")] LessThanOrEqual,
    [JsonStringEnumMemberName("IN")] In,
    [JsonStringEnumMemberName("IS_SUBSTRING")] IsSubstring,
}
