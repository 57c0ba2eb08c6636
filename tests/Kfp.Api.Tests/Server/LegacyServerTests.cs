using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Server;

/// <summary>Against a KFP 2.5 server (Kubeflow 1.10): no pipeline <c>name</c>, no cascade delete, no display_name on uploads.</summary>
public sealed class LegacyServerTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => emulator.ConfigureAsync(version: "2.5.0");

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    [Fact]
    public async Task GetServerInfo_Kfp25_IsNotModern()
    {
        using var client = emulator.Client();

        var info = await client.GetServerInfoAsync(None);

        Assert.Equal("2.5.0", info.TagName);
        Assert.False(info.SupportsPipelineNames);
        Assert.False(info.SupportsCascadeDelete);
    }

    [Fact]
    public async Task CreatePipeline_Kfp25_SendsTheNameAsDisplayNameOnly()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(inner: recorder);
        var name = TestData.Unique("legacy");

        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name) { DisplayName = "ignored" }, None);

        var body = recorder.Requests.Single(r => r.Method == HttpMethod.Post).Body!;
        Assert.DoesNotContain("\"name\"", body, StringComparison.Ordinal);
        Assert.Equal(name, pipeline.Name);
        Assert.Equal(name, pipeline.DisplayName);
        Assert.Equal(pipeline.PipelineId, (await client.FindPipelineAsync(name, null, None))?.PipelineId);
    }

    [Fact]
    public async Task UploadPipelineVersion_Kfp25_SendsNoDisplayName()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(inner: recorder);
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("legacy")), None);

        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        Assert.DoesNotContain("display_name", recorder.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/upload_version", StringComparison.Ordinal)).Uri.Query, StringComparison.Ordinal);
        Assert.Equal("v1", version.Name);
        Assert.Equal(version.PipelineVersionId, (await client.FindPipelineVersionAsync(pipeline.PipelineId, "v1", None))?.PipelineVersionId);
    }

    [Fact]
    public async Task DeletePipeline_Kfp25Cascade_DeletesVersionsThenPipeline()
    {
        var recorder = new RecordingHandler();
        using var client = emulator.Client(inner: recorder);
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("legacy")), None);
        foreach (var v in new[] { "v1", "v2" })
        {
            await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, v, Samples.HelloWorld), None);
        }

        await client.DeletePipelineAsync(pipeline.PipelineId, cascade: true, None);

        var deletes = recorder.Requests.Where(r => r.Method == HttpMethod.Delete).Select(r => r.Uri.PathAndQuery).ToList();
        Assert.Equal(3, deletes.Count);
        Assert.All(deletes.Take(2), d => Assert.Contains("/versions/", d, StringComparison.Ordinal));
        Assert.DoesNotContain("cascade", deletes[2], StringComparison.Ordinal);
        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetPipelineAsync(pipeline.PipelineId, None))).IsNotFound);
    }

    [Fact]
    public async Task DeletePipeline_Kfp25BehindHiddenHealthz_LearnsFromAnswersAndDeletesVersionsFirst()
    {
        await emulator.AddFaultAsync(new { path = "/apis/v2beta1/healthz", status = 404 });
        using var client = emulator.Client();
        var name = TestData.Unique("hidden");
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(name), None);
        await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        await client.DeletePipelineAsync(pipeline.PipelineId, cascade: true, None);

        Assert.Equal(name, pipeline.Name);
        Assert.False((await client.GetServerInfoAsync(None)).Modern);
        Assert.True((await Assert.ThrowsAsync<KfpApiException>(() => client.GetPipelineAsync(pipeline.PipelineId, None))).IsNotFound);
    }

    [Fact]
    public async Task CreateExperiment_Kfp25UnknownField_IsIgnored()
    {
        var (status, _) = await emulator.RawAsync(HttpMethod.Post, "/apis/v2beta1/experiments", $$"""{"display_name":"{{TestData.Unique("x")}}","colour":"red"}""");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ListPipelines_Kfp25_HasNoNameField()
    {
        using var client = emulator.Client();
        await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("legacy")), None);

        var (_, body) = await emulator.RawAsync(HttpMethod.Get, "/apis/v2beta1/pipelines?page_size=1");
        var page = await client.ListPipelinesAsync(new KfpListOptions { PageSize = 1 }, None);

        Assert.DoesNotContain("\"name\"", body, StringComparison.Ordinal);
        Assert.Equal(page.Items[0].DisplayName, page.Items[0].Name);
    }
}
