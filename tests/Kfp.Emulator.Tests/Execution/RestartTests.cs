using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Execution;

/// <summary>With a state dir, a run in flight and the moved clock survive a restart.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_RunInFlight_ContinuesFromTheSavedClock()
    {
        var dir = Directory.CreateTempSubdirectory("kfp-emulator-restart-").FullName;
        try
        {
            string path;
            await using (var first = await TestEmulator.StartAsync(o => o with { StateDir = dir }))
            {
                var (pipelineId, versionId) = await first.UploadAsync("after", TestEmulator.Fixture("pipeline_with_after.yaml"));
                path = $"/apis/v2beta1/runs/{(await first.RunAsync(pipelineId, versionId))["run_id"]}";
                await first.AdvanceAsync(14);
                Assert.Equal("RUNNING", (await first.GetAsync(path))["state"]!.ToString());
            }

            await using var second = await TestEmulator.StartAsync(o => o with { StateDir = dir });
            var resumed = await second.GetAsync(path);
            var clock = await second.GetAsync("/_emulator/clock");
            await second.AdvanceAsync(60);
            var done = await second.GetAsync(path);

            Assert.Equal("RUNNING", resumed["state"]!.ToString());
            Assert.Equal(14, clock["offsetSeconds"]!.GetValue<double>());
            Assert.Equal("SUCCEEDED", done["state"]!.ToString());
            Assert.Equal(4, done["run_details"]!["task_details"]!.AsArray().Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
