using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Scheduling;

/// <summary>Recurring runs fire on the emulator clock as KFP's ScheduledWorkflow controller fires them.</summary>
public sealed class ScheduleTests
{
    private static JsonObject Schedule(string pipelineId, JsonObject trigger, string? versionId = null, int maxConcurrency = 1, bool? enable = true,
        bool noCatchup = false) => new()
    {
        ["display_name"] = "Nightly Train",
        ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId, ["pipeline_version_id"] = versionId },
        ["max_concurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["trigger"] = trigger,
        ["mode"] = enable is null ? null : enable.Value ? "ENABLE" : "DISABLE",
        ["no_catchup"] = noCatchup,
    };

    private static JsonObject Every(int seconds, DateTimeOffset? start = null, DateTimeOffset? end = null) => new()
    {
        ["periodic_schedule"] = new JsonObject
        {
            ["interval_second"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["start_time"] = start?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["end_time"] = end?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static async Task<List<JsonObject>> RunsOfAsync(TestEmulator emu, string scheduleId)
    {
        var list = await emu.GetAsync("/apis/v2beta1/runs?page_size=200");
        return [.. (list["runs"]?.AsArray() ?? []).Select(r => r!.AsObject()).Where(r => r["recurring_run_id"]?.ToString() == scheduleId)];
    }

    private static string Id(JsonObject schedule) => schedule["recurring_run_id"]!.ToString();

    [Fact]
    public async Task Interval_ClockMovesAnHour_CreatesARunPerSlotThatExecutes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, versionId) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, Every(600), versionId));

        await emu.AdvanceAsync(3659);
        var runs = await RunsOfAsync(emu, Id(schedule));

        Assert.Equal(6, runs.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => TestEmulator.Start.AddSeconds(600 * i)),
            runs.Select(r => DateTimeOffset.Parse(r["scheduled_at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(runs, r => Assert.Equal("SUCCEEDED", r["state"]!.ToString()));
        Assert.All(runs, r => Assert.Matches("^nightly-train-[1-6]-[0-9]+$", r["display_name"]!.ToString()));
        Assert.All(runs, r => Assert.Equal(versionId, r["pipeline_version_reference"]!["pipeline_version_id"]!.ToString()));
    }

    [Fact]
    public async Task Cron_SecondsFirst_FiresOnItsSlots()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var trigger = new JsonObject { ["cron_schedule"] = new JsonObject { ["cron"] = "0 */15 * * * *" } };
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, trigger));

        await emu.AdvanceAsync(3599);
        var runs = await RunsOfAsync(emu, Id(schedule));

        Assert.Equal(["12:15:00", "12:30:00", "12:45:00"], runs.Select(r => r["scheduled_at"]!.ToString()[11..19]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MaxConcurrency_ActiveRunsBlockNewOnes_UntilOneEnds()
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { TaskDuration = null });
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, Every(60), maxConcurrency: 2));

        await emu.AdvanceAsync(600);
        var blocked = await RunsOfAsync(emu, Id(schedule));
        await emu.PostAsync($"/_emulator/runs/{blocked[0]["run_id"]}/state", new JsonObject { ["state"] = "SUCCEEDED" });
        await emu.AdvanceAsync(1);
        var after = await RunsOfAsync(emu, Id(schedule));

        Assert.Equal(2, blocked.Count);
        Assert.Equal(3, after.Count);
    }

    [Fact]
    public async Task Disabled_DoesNotFire_AndEnablingCatchesUpEveryMissedSlot()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, Every(600), enable: null));

        await emu.AdvanceAsync(3600);
        var whileDisabled = await RunsOfAsync(emu, Id(schedule));
        await emu.PostAsync($"/apis/v2beta1/recurringruns/{Id(schedule)}:enable", new JsonObject());
        await emu.AdvanceAsync(1);
        var first = await RunsOfAsync(emu, Id(schedule));
        await emu.AdvanceAsync(100); // max_concurrency 1: each caught-up run waits for the one before (12.5 s each)
        var caughtUp = await RunsOfAsync(emu, Id(schedule));

        Assert.Equal("DISABLED", schedule["status"]!.ToString());
        Assert.Empty(whileDisabled);
        Assert.Single(first);
        Assert.Equal(6, caughtUp.Count);
        Assert.All(caughtUp, r => Assert.Equal("SUCCEEDED", r["state"]!.ToString()));
    }

    [Fact]
    public async Task NoCatchup_EnablingAfterMissedSlots_FiresOnce()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, Every(600), enable: false, noCatchup: true));

        await emu.AdvanceAsync(3600);
        await emu.PostAsync($"/apis/v2beta1/recurringruns/{Id(schedule)}:enable", new JsonObject());
        await emu.AdvanceAsync(100);
        var runs = await RunsOfAsync(emu, Id(schedule));

        Assert.Single(runs);
        Assert.Equal("13:00:00", runs[0]["scheduled_at"]!.ToString()[11..19]);
    }

    [Fact]
    public async Task StartAndEndTime_BoundTheSlots()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, _) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var trigger = Every(600, TestEmulator.Start.AddSeconds(1800), TestEmulator.Start.AddSeconds(3000));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, trigger));

        await emu.AdvanceAsync(7200);
        var runs = await RunsOfAsync(emu, Id(schedule));

        Assert.Equal(["12:40:00", "12:50:00"], runs.Select(r => r["scheduled_at"]!.ToString()[11..19]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoVersion_EachRunUsesTheLatestVersionWhenItFires()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (pipelineId, first) = await emu.UploadAsync("hello", TestEmulator.Fixture("hello_world.yaml"));
        var schedule = await emu.PostAsync("/apis/v2beta1/recurringruns", Schedule(pipelineId, Every(600)));
        Assert.Null(schedule["pipeline_version_reference"]!["pipeline_version_id"]);

        await emu.AdvanceAsync(600);
        var second = (await emu.UploadVersionAsync(pipelineId, "v2", TestEmulator.Fixture("hello_world.yaml")))["pipeline_version_id"]!.ToString();
        await emu.AdvanceAsync(600);
        var runs = (await RunsOfAsync(emu, Id(schedule))).OrderBy(r => r["scheduled_at"]!.ToString(), StringComparer.Ordinal).ToList();

        Assert.Equal([first, second], runs.Select(r => r["pipeline_version_reference"]!["pipeline_version_id"]!.ToString()));
    }
}
