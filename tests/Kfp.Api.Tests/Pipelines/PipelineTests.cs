using Kfp.Api.Filtering;
using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Pipelines;

public sealed class PipelineTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreatePipeline_NameOnly_HasNoVersionsAndDisplayNameDefaultsToName()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("pipe");

        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name) { Description = "d" }, None);
        var versions = await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions(), None);

        Assert.Equal(name, pipeline.Name);
        Assert.Equal(name, pipeline.DisplayName);
        Assert.Equal("d", pipeline.Description);
        Assert.NotNull(pipeline.CreatedAt);
        Assert.Empty(versions.Items);
    }

    [Fact]
    public async Task CreatePipeline_DuplicateName_ThrowsAlreadyExists()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("dup");
        await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.CreatePipelineAsync(new CreatePipelineRequest(name) { DisplayName = "other" }, None));

        Assert.True(e.IsAlreadyExists);
        Assert.Contains($"The name {name} already exist", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPipeline_Unknown_ThrowsNotFound()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.GetPipelineAsync("nope", None));

        Assert.True(e.IsNotFound);
        Assert.Equal("Pipeline nope not found", e.ServerMessage);
    }

    [Fact]
    public async Task FindPipeline_ByUniqueName_IgnoresDisplayNames()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("find");
        var created = await client.CreatePipelineAsync(new CreatePipelineRequest(name) { DisplayName = "Shown" }, None);
        await client.CreatePipelineAsync(new CreatePipelineRequest(name + "x") { DisplayName = name }, None);

        var found = await client.FindPipelineAsync(name, null, None);

        Assert.Equal(created.PipelineId, found?.PipelineId);
        Assert.Null(await client.FindPipelineAsync(TestData.Unique("none"), null, None));
    }

    [Fact]
    public async Task ListPipelines_SubstringFilterSortedDescPaged_ReturnsEveryMatchOnce()
    {
        using var client = emulator.Client();
        var prefix = TestData.Unique("list");
        foreach (var i in new[] { 2, 0, 1 })
        {
            await client.CreatePipelineAsync(new CreatePipelineRequest($"{prefix}-{i}"), None);
        }
        var options = new KfpListOptions { PageSize = 2, SortBy = KfpSort.Desc("name"), Filter = KfpFilter.Where(KfpPredicate.Substring("name", prefix)) };

        var first = await client.ListPipelinesAsync(options, None);
        var second = await client.ListPipelinesAsync(options with { PageToken = first.NextPageToken }, None);

        Assert.Equal([$"{prefix}-2", $"{prefix}-1"], first.Items.Select(p => p.Name));
        Assert.Equal([$"{prefix}-0"], second.Items.Select(p => p.Name));
        Assert.Equal(3, first.TotalSize);
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task DeletePipeline_WithVersionsWithoutCascade_ThrowsInvalidArgument()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("nocascade")), None);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.DeletePipelineAsync(pipeline.PipelineId, cascade: false, None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(version.PipelineVersionId, e.ServerMessage, StringComparison.Ordinal);
        Assert.Contains("cascade=true", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePipeline_Cascade_RemovesPipelineAndVersions()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("cascade")), None);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        await client.DeletePipelineAsync(pipeline.PipelineId, cascade: true, None);

        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetPipelineAsync(pipeline.PipelineId, None))).IsNotFound);
        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetPipelineVersionAsync(pipeline.PipelineId, version.PipelineVersionId, None))).IsNotFound);
    }

    [Fact]
    public async Task DeletePipeline_Empty_SucceedsWithoutCascade()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("empty")), None);

        await client.DeletePipelineAsync(pipeline.PipelineId, cascade: false, None);

        Assert.Null(await client.FindPipelineAsync(pipeline.Name, null, None));
    }

    [Fact]
    public async Task CreatePipeline_UnavailableOnce_CreatesExactlyOnce()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("once");
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/pipelines", method = "POST", status = 503, count = 1 });

        var created = await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);

        var all = await client.ListPipelinesAsync(new KfpListOptions { Filter = KfpFilter.Equal("name", name) }, None);
        Assert.Equal(created.PipelineId, Assert.Single(all.Items).PipelineId);
    }
}
