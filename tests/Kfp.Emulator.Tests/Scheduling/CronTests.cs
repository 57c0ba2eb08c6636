using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Scheduling;

/// <summary>Cron triggers fire as robfig/cron v1.2.0 reads them (the clock starts on Monday 2026-01-05 12:00:00 UTC).</summary>
public sealed class CronTests
{
    [Theory]
    [InlineData("0 0 0 1 * 1", 30 * 86400, 5)] // day of month OR day of week: Jan 12, 19, 26, Feb 1 (the 1st), Feb 2
    [InlineData("0 0 0 * * 1", 30 * 86400, 4)] // a '*' day of month: Mondays only
    [InlineData("*/20 * * * *", 60, 3)] // five fields are read seconds first: every 20 seconds
    [InlineData("@every 90s", 300, 3)]
    [InlineData("@hourly", 3 * 3600, 3)]
    [InlineData("0 30 9 * * mon-fri", 7 * 86400, 5)]
    public async Task Cron_ClockMoves_FiresOnRobfigSlots(string cron, int seconds, int expected)
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { TaskDuration = TimeSpan.FromSeconds(1) });
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", new JsonObject
        {
            ["display_name"] = "cron",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId },
            ["max_concurrency"] = "10",
            ["mode"] = "ENABLE",
            ["trigger"] = new JsonObject { ["cron_schedule"] = new JsonObject { ["cron"] = cron } },
        });

        await emu.AdvanceAsync(seconds);
        var runs = (await emu.GetAsync("/apis/v2beta1/runs?page_size=200"))["runs"]?.AsArray() ?? [];

        Assert.Equal(expected, runs.Count(r => r!["recurring_run_id"]?.ToString() == schedule["recurring_run_id"]!.ToString()));
    }
}
