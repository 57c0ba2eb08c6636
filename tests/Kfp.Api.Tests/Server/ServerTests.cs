using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Server;

public sealed class ServerTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetHealth_Default_ReportsSingleUser217()
    {
        using var client = emulator.Client();

        var health = await client.GetHealthAsync(CancellationToken.None);

        Assert.Equal("2.17.0", health.TagName);
        Assert.False(health.MultiUser);
        Assert.Equal("database", health.PipelineStore);
    }

    [Fact]
    public async Task GetServerInfo_Kfp217_IsModern()
    {
        using var client = emulator.Client();

        var info = await client.GetServerInfoAsync(CancellationToken.None);

        Assert.True(info.Modern);
        Assert.True(info.SupportsCascadeDelete);
        Assert.False(info.MultiUser);
    }

    [Theory]
    [InlineData("2.5.0", "", false)]
    [InlineData("2.14.3", "database", true)]
    [InlineData("v2.15.0-rc.1", "database", true)]
    [InlineData("dev", "database", true)]
    [InlineData("unknown", "", false)]
    public void ServerInfoFrom_Healthz_DetectsGeneration(string tag, string pipelineStore, bool modern)
    {
        var info = Models.KfpServerInfo.From(new Models.KfpHealth { TagName = tag, PipelineStore = pipelineStore });

        Assert.Equal(modern, info.Modern);
    }
}
