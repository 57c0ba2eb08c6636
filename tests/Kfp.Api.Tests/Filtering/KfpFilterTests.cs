using Kfp.Api.Filtering;

namespace Kfp.Api.Tests.Filtering;

public sealed class KfpFilterTests
{
    [Fact]
    public void ToJson_EqualsString_WritesStringValue()
    {
        var json = KfpFilter.Equal("display_name", "a \"quoted\" name").ToJson();

        Assert.Equal("""{"predicates":[{"operation":"EQUALS","key":"display_name","string_value":"a \u0022quoted\u0022 name"}]}""", json);
    }

    [Fact]
    public void ToJson_SeveralPredicates_WritesEachTypedValue()
    {
        var filter = KfpFilter.Where(KfpPredicate.In("state", "RUNNING", "PENDING"))
            .And(KfpPredicate.Compare("created_at", KfpFilterOperation.GreaterThan, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .And(KfpPredicate.Compare("max_concurrency", KfpFilterOperation.LessThanOrEqual, 5L));

        Assert.Equal(
            """{"predicates":[{"operation":"IN","key":"state","string_values":{"values":["RUNNING","PENDING"]}},"""
            + """{"operation":"GREATER_THAN","key":"created_at","timestamp_value":"2024-01-01T00:00:00Z"},"""
            + """{"operation":"LESS_THAN_EQUALS","key":"max_concurrency","long_value":"5"}]}""",
            filter.ToJson());
    }
}
