using Cronos;
using KfpCron = Kfp.Provider.Resources.CronExpression;
using NCrontab;

namespace Kfp.Provider.Tests.Resources.RecurringRun;

/// <summary>
/// Why the cron handling is the provider's own: the two cron libraries the package feed serves, each in its
/// seconds-first mode (KFP's form), measured against KFP's scheduler dialect (robfig/cron v1: six fields seconds
/// first, <c>?</c> as <c>*</c>, day-of-week 0-6, names, the <c>@</c> descriptors and <c>@every</c>; no <c>L</c>,
/// <c>W</c> or <c>#</c>). Each row is a schedule where a library and KFP disagree, or agree, as measured here; the
/// provider's <see cref="KfpCron"/> must give KFP's verdict on every row.
/// </summary>
public sealed class CronLibraryDialectTests
{
    public static TheoryData<string, bool, bool, bool> Rows => new()
    {
        // schedule (KFP's 6-field form),  KFP accepts, Cronos accepts, NCrontab accepts
        { "0 0 2 * * *", true, true, true },
        { "0 */15 9-17 * * mon-fri", true, true, true },
        { "0 0 12 L * *", false, true, false },       // last day of the month: Cronos only
        { "0 0 12 15W * *", false, true, false },     // nearest weekday: Cronos only
        { "0 0 12 ? * MON#2", false, true, false },   // second Monday: Cronos only
        { "0 0 12 * * 7", false, true, false },       // 7 as Sunday: KFP's range is 0-6
        { "0 0 12 ? * *", true, true, false },        // ? for "any": NCrontab refuses it
        { "@hourly", true, true, false },             // descriptors: NCrontab has none
        { "@every 1h30m", true, false, false },       // intervals: neither library
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachLibrary_GivesTheMeasuredVerdict_AndTheProviderGivesKfps(string schedule, bool kfp, bool cronos, bool ncrontab)
    {
        Assert.Equal(cronos, CronosAccepts(schedule));
        Assert.Equal(ncrontab, NCrontabAccepts(schedule));
        // The provider refuses @every on purpose (intervalSeconds says the same thing); every other row is KFP's verdict.
        var expected = kfp && !schedule.StartsWith("@every", StringComparison.Ordinal);
        Assert.Equal(expected, KfpCron.TryToKfp(schedule, out _, out _));
    }

    [Fact]
    public void NeitherLibrary_AgreesWithKfpOnEveryRow()
    {
        var rows = Rows.Select(r => ((string)r[0], (bool)r[1], (bool)r[2], (bool)r[3])).ToList();

        Assert.Contains(rows, r => r.Item3 != r.Item2);
        Assert.Contains(rows, r => r.Item4 != r.Item2);
    }

    private static bool CronosAccepts(string schedule)
    {
        try
        {
            _ = Cronos.CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    private static bool NCrontabAccepts(string schedule) =>
        CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}
