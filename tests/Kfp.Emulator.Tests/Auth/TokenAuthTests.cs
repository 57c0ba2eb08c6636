using System.Text.Json.Nodes;
using Kfp.Emulator.Tests.Support;

namespace Kfp.Emulator.Tests.Auth;

/// <summary><c>--token</c>: other tokens get KFP's 401; in multi-user mode, other namespaces get KFP's 403.</summary>
public sealed class TokenAuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task Request_WithoutTheToken_Is401Unauthenticated(string? token)
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { Tokens = ["s3cret"] });
        emu.Token = token;

        var (status, body) = await emu.SendAsync(HttpMethod.Post, "/apis/v2beta1/experiments", new JsonObject { ["display_name"] = "x" });

        Assert.Equal(401, status);
        Assert.Equal(16, body!["code"]!.GetValue<int>());
        Assert.StartsWith("Failed to authenticate: Unauthenticated: ", body["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, body["details"]![0]!["code"]!.GetValue<int>());
        emu.Token = "s3cret";
        Assert.DoesNotContain((await emu.GetAsync("/apis/v2beta1/experiments"))["experiments"]!.AsArray(), e => e!["display_name"]!.ToString() == "x");
    }

    [Fact]
    public async Task Request_WithTheToken_IsServed_AndHealthzNeedsNone()
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { Tokens = ["other", "s3cret"] });

        var (healthz, _) = await emu.SendAsync(HttpMethod.Get, "/apis/v2beta1/healthz");
        emu.Token = "s3cret";
        var created = await emu.PostAsync("/apis/v2beta1/experiments", new JsonObject { ["display_name"] = "x" });

        Assert.Equal(200, healthz);
        Assert.Equal("x", created["display_name"]!.ToString());
    }

    [Fact]
    public async Task MultiUser_TokenLimitedToANamespace_Gets403Elsewhere()
    {
        await using var emu = await TestEmulator.StartAsync(o => o with { Tokens = ["admin", "team=team-a"] });
        await emu.PostAsync("/_emulator/config", new JsonObject { ["multiUser"] = true });
        emu.Token = "admin";
        var other = await emu.PostAsync("/apis/v2beta1/experiments", new JsonObject { ["display_name"] = "b", ["namespace"] = "team-b" });
        emu.Token = "team";

        var own = await emu.SendAsync(HttpMethod.Post, "/apis/v2beta1/experiments", new JsonObject { ["display_name"] = "a", ["namespace"] = "team-a" });
        var (createStatus, createBody) = await emu.SendAsync(HttpMethod.Post, "/apis/v2beta1/experiments", new JsonObject { ["display_name"] = "c", ["namespace"] = "team-b" });
        var (getStatus, _) = await emu.SendAsync(HttpMethod.Get, $"/apis/v2beta1/experiments/{other["experiment_id"]}");
        var (listStatus, _) = await emu.SendAsync(HttpMethod.Get, "/apis/v2beta1/runs?namespace=team-b");

        Assert.True(own.Status == 200, own.Body?.ToJsonString());
        Assert.Equal(403, createStatus);
        Assert.Equal(7, createBody!["code"]!.GetValue<int>());
        Assert.Contains("PermissionDenied", createBody["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Namespace:team-b", createBody["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(403, getStatus);
        Assert.Equal(403, listStatus);
    }
}
