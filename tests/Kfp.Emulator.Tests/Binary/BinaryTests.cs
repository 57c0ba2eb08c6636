using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Binary;

/// <summary>The <c>kfp-emulator</c> executable with its start options, on real time.</summary>
public sealed class BinaryTests
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, "kfp-emulator");

    [Fact]
    public async Task Binary_TaskDurationAndToken_RunFinishesByItselfForTheTokenOnly()
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--task-duration", "200ms", "--token", "t0ken", "--fail-task", "print-text-3" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        try
        {
            var endpoints = JsonNode.Parse((await process.StandardOutput.ReadLineAsync())!)!;
            using var http = new HttpClient { BaseAddress = new Uri(endpoints["kfp"]!.ToString()) };
            Assert.Equal(401, (int)(await http.GetAsync("/apis/v2beta1/pipelines")).StatusCode);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken");
            using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(TestEmulator.Fixture("pipeline_with_after.yaml")));
            using var form = new MultipartFormDataContent { { file, "uploadfile", "after.yaml" } };
            var pipeline = JsonNode.Parse(await (await http.PostAsync("/apis/v2beta1/pipelines/upload?name=after", form)).Content.ReadAsStringAsync())!;
            using var body = new StringContent($$$"""{"display_name":"smoke","pipeline_version_reference":{"pipeline_id":"{{{pipeline["pipeline_id"]}}}"}}""", Encoding.UTF8, "application/json");
            var run = JsonNode.Parse(await (await http.PostAsync("/apis/v2beta1/runs", body)).Content.ReadAsStringAsync())!;

            var watch = Stopwatch.StartNew();
            JsonNode state;
            do
            {
                await Task.Delay(100);
                state = JsonNode.Parse(await http.GetStringAsync($"/apis/v2beta1/runs/{run["run_id"]}"))!;
            }
            while (state["state"]!.ToString() is "PENDING" or "RUNNING" && watch.Elapsed < TimeSpan.FromSeconds(30));

            Assert.Equal("FAILED", state["state"]!.ToString());
            Assert.Contains("print-text-3", state["error"]!["message"]!.ToString(), StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"a three-task run took {watch.Elapsed}");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--task-duration", "soon")]
    [InlineData("--colour", "red")]
    public async Task Binary_BadArgument_ExitsWithUsage(string option, string value)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(option);
        start.ArgumentList.Add(value);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage: kfp-emulator", error, StringComparison.Ordinal);
    }
}
