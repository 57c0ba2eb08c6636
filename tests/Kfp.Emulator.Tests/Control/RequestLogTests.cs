using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Control;

/// <summary><c>GET /_emulator/requests</c>: what the KFP API answered, for tests that count calls.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task RequestLog_ListsApiCallsWithStatus_AndResets()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.GetAsync("/apis/v2beta1/experiments");
        await emu.PostAsync("/_emulator/faults", new JsonObject { ["path"] = "/apis/v2beta1/pipelines", ["status"] = 503, ["count"] = 1 }).ContinueWith(_ => { });
        await emu.SendAsync(HttpMethod.Get, "/apis/v2beta1/pipelines");
        await emu.SendAsync(HttpMethod.Get, "/apis/v2beta1/runs/missing");

        var log = await emu.GetAsync("/_emulator/requests?reset=true");
        var after = await emu.GetAsync("/_emulator/requests");

        var entries = log["requests"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["GET /apis/v2beta1/experiments 200", "GET /apis/v2beta1/pipelines 503", "GET /apis/v2beta1/runs/missing 404"],
            entries.Select(e => $"{e["method"]} {e["path"]} {e["status"]}"));
        Assert.All(entries, e => Assert.True(e["durationMs"]!.GetValue<double>() >= 0));
        Assert.Empty(after["requests"]!.AsArray());
    }

    [Fact]
    public async Task RequestLog_Delete_Empties()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.GetAsync("/apis/v2beta1/experiments");

        var (status, _) = await emu.SendAsync(HttpMethod.Delete, "/_emulator/requests");

        Assert.Equal(200, status);
        Assert.Empty((await emu.GetAsync("/_emulator/requests"))["requests"]!.AsArray());
    }
}
