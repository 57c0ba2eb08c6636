using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Web;

/// <summary>The emulator's read-only page, opened in headless Chromium as a person would see it.</summary>
public sealed class WebPageTests
{
    private static async Task<TestEmulator> PopulatedAsync()
    {
        var emu = await TestEmulator.StartAsync(o => o with { FailTasks = ["print-text-3"] });
        var (pipelineId, versionId) = await emu.UploadAsync("after-pipeline", TestEmulator.Fixture("pipeline_with_after.yaml"));
        await emu.UploadVersionAsync(pipelineId, "second-version", TestEmulator.Fixture("pipeline_with_after.yaml"));
        await emu.RunAsync(pipelineId, versionId, "smoke-run");
        await emu.PostAsync("/apis/v2beta1/recurringruns", new JsonObject
        {
            ["display_name"] = "hourly-train",
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId },
            ["max_concurrency"] = "1",
            ["mode"] = "ENABLE",
            ["trigger"] = new JsonObject { ["cron_schedule"] = new JsonObject { ["cron"] = "0 0 * * * *" } },
        });
        await emu.AdvanceAsync(60);
        return emu;
    }

    [Fact]
    public async Task Page_InChromium_ShowsPipelinesDagRunsAndSchedules()
    {
        await using var emu = await PopulatedAsync();

        var dom = await Chromium.RunAsync("--dump-dom", emu.Host.Endpoints.Kfp + "/");

        Assert.Contains("<h1>KFP emulator</h1>", dom, StringComparison.Ordinal);
        Assert.Contains("after-pipeline", dom, StringComparison.Ordinal);
        Assert.Contains("<td>second-version</td>", dom, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"dag\"", dom, StringComparison.Ordinal);
        foreach (var task in new[] { "print-text", "print-text-2", "print-text-3" })
        {
            Assert.Contains($"data-task=\"{task}\"", dom, StringComparison.Ordinal);
        }
        Assert.Equal(3, CountOf(dom, "<path class=\"edge\""));
        Assert.Contains("smoke-run", dom, StringComparison.Ordinal);
        Assert.Contains("<span class=\"state FAILED\">FAILED</span>", dom, StringComparison.Ordinal);
        Assert.Contains("task 'print-text-3' failed", dom, StringComparison.Ordinal);
        Assert.Contains("hourly-train", dom, StringComparison.Ordinal);
        Assert.Contains("<td class=\"next-fire\">2026-01-05T13:00:00Z</td>", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Screenshot_IsAPngOfTheWindowWithContent()
    {
        await using var emu = await PopulatedAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kfp-emulator-{Guid.NewGuid():N}.png");
        try
        {
            await Chromium.RunAsync($"--screenshot={file}", "--window-size=1200,900", emu.Host.Endpoints.Kfp + "/");
            var png = await File.ReadAllBytesAsync(file);

            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            // A blank 1200x900 page compresses to a few KB; text, tables and the DAG make it much larger.
            Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes: the page looks empty");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Page_EmptyEmulator_RendersEmptySections()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var http = new HttpClient();

        var html = await http.GetStringAsync(new Uri(emu.Host.KfpUrl, "/"));

        Assert.Contains("Pipelines (0)", html, StringComparison.Ordinal);
        Assert.Contains("Runs (0)", html, StringComparison.Ordinal);
        Assert.Contains("Schedules (0)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
