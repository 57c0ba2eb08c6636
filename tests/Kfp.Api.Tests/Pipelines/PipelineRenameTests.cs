using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Pipelines;

/// <summary>Renaming a pipeline (PATCH, KFP 2.17+): the display name changes, the unique name does not.</summary>
public sealed class PipelineRenameTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => emulator.ConfigureAsync(version: "2.17.0");

    public Task DisposeAsync() => emulator.ConfigureAsync(version: "2.17.0");

    [Fact]
    public async Task UpdatePipelineDisplayName_On217_RenamesAndKeepsTheName()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("rename");
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name) { DisplayName = "Old name" }, None);

        var renamed = await client.UpdatePipelineDisplayNameAsync(pipeline.PipelineId, "New name", None);
        var read = await client.GetPipelineAsync(pipeline.PipelineId, None);

        Assert.Equal(("New name", name), (renamed.DisplayName, renamed.Name));
        Assert.Equal("New name", read.DisplayName);
        await client.DeletePipelineAsync(pipeline.PipelineId, cascade: true, None);
    }

    [Fact]
    public async Task UpdatePipelineDisplayName_Before217_IsUnimplemented()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("rename-old")), None);
        await emulator.ConfigureAsync(version: "2.14.0");

        var error = await Assert.ThrowsAsync<KfpApiException>(() => emulator.Client().UpdatePipelineDisplayNameAsync(pipeline.PipelineId, "x", None));

        Assert.Equal(KfpErrorKind.Unimplemented, error.Kind);
    }
}
