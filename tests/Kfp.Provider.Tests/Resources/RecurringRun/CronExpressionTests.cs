using Kfp.Provider.Resources;

namespace Kfp.Provider.Tests.Resources;

public sealed class CronExpressionTests
{
    [Theory]
    [InlineData("0 2 * * *", "0 0 2 * * *")]
    [InlineData("*/15 9-17 * * mon-fri", "0 */15 9-17 * * mon-fri")]
    [InlineData("  30   4 1,15 JAN-jun ? ", "0 30 4 1,15 JAN-jun ?")]
    [InlineData("5 0 0 1 1 0", "5 0 0 1 1 0")]
    [InlineData("0 0 12 * * 6", "0 0 12 * * 6")]
    [InlineData("@daily", "@daily")]
    [InlineData("59 23 31 12 6", "0 59 23 31 12 6")]
    [InlineData("0-30/10 * * * *", "0 0-30/10 * * * *")]
    [InlineData("*/5 * * * *", "0 */5 * * * *")] // the cases of the former Kfp.Api KfpCron, which this replaces
    [InlineData("0  9 * * 1-5", "0 0 9 * * 1-5")]
    [InlineData("0 0 9 ? * 2-6", "0 0 9 ? * 2-6")]
    public void TryToKfp_ValidExpression_GivesSecondsFirstSixFields(string cron, string expected)
    {
        var ok = CronExpression.TryToKfp(cron, out var kfp, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, kfp);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("0 2 * *", "has 4 fields")]
    [InlineData("0 0 2 * * * *", "has 7 fields")]
    [InlineData("", "has 0 fields")]
    [InlineData("60 * * * *", "minute field '60' has 60, outside 0-59")]
    [InlineData("0 24 * * *", "hour field '24' has 24, outside 0-23")]
    [InlineData("0 0 0 * *", "day-of-month field '0' has 0, outside 1-31")]
    [InlineData("0 0 1 13 *", "month field '13' has 13, outside 1-12")]
    [InlineData("0 0 * * 7", "day-of-week field '7' has 7, outside 0-6 (use 0 for Sunday)")]
    [InlineData("61 0 0 * * *", "second field '61'")]
    [InlineData("0 0 * * funday", "day-of-week field 'funday' has 'funday', which is not a number or a name like sun")]
    [InlineData("*/0 * * * *", "a step must be a whole number of at least 1")]
    [InlineData("1/2/3 * * * *", "has more than one '/'")]
    [InlineData("10-5 * * * *", "starts after it ends")]
    [InlineData("1-2-3 * * * *", "malformed range")]
    [InlineData("0 0 L * *", "'L', which is not a number")]
    [InlineData("@every 1h", "use intervalSeconds")]
    [InlineData("@fortnightly", "not a known descriptor")]
    [InlineData("* * * *", "'* * * *' has 4 fields")]
    [InlineData("0 0 0 * * * *", "'0 0 0 * * * *' has 7 fields")]
    public void TryToKfp_InvalidExpression_SaysWhichFieldAndWhy(string cron, string expected)
    {
        var ok = CronExpression.TryToKfp(cron, out var kfp, out var error);

        Assert.False(ok);
        Assert.Equal("", kfp);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 * * *", "0 0 2 * * *", true)]
    [InlineData("0  2 * * *", "0 2 * * *", true)]
    [InlineData("@daily", "@daily", true)]
    [InlineData("0 2 * * *", "0 3 * * *", false)]
    [InlineData("0 2 * * *", "5 0 2 * * *", false)]
    [InlineData("not a cron", "not a cron", true)]
    public void Meaning_TwoSpellings_SameScheduleOnlyWhenKfpRunsThemAlike(string a, string b, bool same)
    {
        Assert.Equal(same, CronExpression.Meaning(a) == CronExpression.Meaning(b));
    }

    [Theory]
    [InlineData("0 30 1 * * *", "30 1 * * *")]
    [InlineData("0 */5 * * * *", "*/5 * * * *")]
    [InlineData("15 30 1 * * *", "15 30 1 * * *")]
    [InlineData("@hourly", "@hourly")]
    public void Standard_KfpCron_WrittenAsPeopleWriteIt(string kfp, string expected)
    {
        Assert.Equal(expected, CronExpression.Standard(kfp));
        Assert.Equal(CronExpression.Meaning(kfp), CronExpression.Meaning(CronExpression.Standard(kfp)));
    }
}
