using Kfp.Api.Models;

namespace Kfp.Api.Tests.Json;

public sealed class KfpCronTests
{
    [Theory]
    [InlineData("*/5 * * * *", "0 */5 * * * *")]
    [InlineData("0  9 * * 1-5", "0 0 9 * * 1-5")]
    [InlineData("0 0 9 ? * 2-6", "0 0 9 ? * 2-6")]
    [InlineData(" @every 1h30m ", "@every 1h30m")]
    [InlineData("@daily", "@daily")]
    public void ToKfp_StandardOrKfpCron_GivesSixFieldsSecondsFirst(string cron, string expected)
    {
        Assert.Equal(expected, KfpCron.ToKfp(cron));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("0 0 0 * * * *")]
    [InlineData("")]
    public void ToKfp_WrongFieldCount_ThrowsNamingTheSchedule(string cron)
    {
        var e = Assert.Throws<ArgumentException>(() => KfpCron.ToKfp(cron));

        Assert.Contains($"'{cron}'", e.Message, StringComparison.Ordinal);
    }
}
