using Kfp.Api.Listing;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Api.Tests.Pipelines;

public sealed class PipelineVersionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<Pipeline> NewPipelineAsync(KfpClient client) =>
        await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("pv")), None);

    [Theory]
    [MemberData(nameof(Samples.Valid), MemberType = typeof(Samples))]
    public async Task UploadPipelineVersion_ValidSample_IsReturnedIntactByGet(string sample)
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        var text = Samples.Read(sample);

        var uploaded = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", text), None);
        var read = await client.GetPipelineVersionAsync(pipeline.PipelineId, uploaded.PipelineVersionId, None);

        Assert.Equal(Samples.CanonicalYaml(text), Samples.CanonicalJson(read.PipelineSpec!.Value));
    }

    [Theory]
    [MemberData(nameof(Samples.Invalid), MemberType = typeof(Samples))]
    public async Task UploadPipelineVersion_InvalidSample_IsRejectedWith400(string sample)
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.Read(sample)), None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.StartsWith("Failed to create a pipeline version", e.ServerMessage, StringComparison.Ordinal);
        Assert.Empty((await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions(), None)).Items);
    }

    [Fact]
    public async Task UploadPipelineVersion_OwnNameAndDisplayName_AreKept()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);

        var version = await client.UploadPipelineVersionAsync(
            new UploadPipelineVersionRequest(pipeline.PipelineId, "sha-0123abcd", Samples.HelloWorld) { DisplayName = "Release 1", Description = "first" }, None);

        Assert.Equal("sha-0123abcd", version.Name);
        Assert.Equal("Release 1", version.DisplayName);
        Assert.Equal("first", version.Description);
        Assert.Equal(pipeline.PipelineId, version.PipelineId);
        Assert.Equal("echo", version.PipelineSpec!.Value.GetProperty("pipelineInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task UploadPipelineVersion_DuplicateName_ThrowsAlreadyExists()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None));

        Assert.True(e.IsAlreadyExists);
        Assert.Contains("The name v1 already exist", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPipelineVersion_JsonFile_IsAccepted()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        const string Json = """
            {"pipelineInfo":{"name":"echo-json"},"schemaVersion":"2.1.0","root":{"dag":{"tasks":{}}},"components":{},"deploymentSpec":{"executors":{}}}
            """;

        var version = await client.UploadPipelineVersionAsync(
            new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Json) { FileName = "pipeline.json" }, None);

        Assert.Equal("echo-json", version.PipelineSpec!.Value.GetProperty("pipelineInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task UploadPipelineVersion_WithPlatformSpec_ReturnsWrapper()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        var text = Samples.HelloWorld + "\n---\nplatforms:\n  kubernetes:\n    deploymentSpec:\n      executors:\n        exec-echo:\n          imagePullSecret:\n          - secretName: regcred\n";

        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", text), None);

        var spec = version.PipelineSpec!.Value;
        Assert.Equal("echo", spec.GetProperty("pipeline_spec").GetProperty("pipelineInfo").GetProperty("name").GetString());
        Assert.True(spec.GetProperty("platform_spec").GetProperty("platforms").TryGetProperty("kubernetes", out _));
    }

    [Theory]
    [InlineData("name: Echo", "must contain only lowercase alphanumeric characters")]
    [InlineData("schemaVersion: 2.0.0", "schema version 2.1.0")]
    public async Task UploadPipelineVersion_SpecRuleBroken_IsRejected(string change, string expected)
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        var text = change.StartsWith("name", StringComparison.Ordinal)
            ? Samples.HelloWorld.Replace("  name: echo", "  " + change, StringComparison.Ordinal)
            : Samples.HelloWorld.Replace("schemaVersion: 2.1.0", change, StringComparison.Ordinal);

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", text), None));

        Assert.Contains(expected, e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPipelineVersion_UnknownPipeline_ThrowsInvalidArgument()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() =>
            client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest("missing", "v1", Samples.HelloWorld), None));

        Assert.Equal(KfpErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task UploadPipelineVersion_AnswerLost_ReturnsTheVersionWithoutUploadingTwice()
    {
        var recorder = new RecordingHandler
        {
            After = (request, response, _) => request.RequestUri!.AbsolutePath.EndsWith("/upload_version", StringComparison.Ordinal)
                ? throw new HttpRequestException("connection reset by peer")
                : response,
        };
        using var client = emulator.Client(inner: recorder);
        var pipeline = await NewPipelineAsync(client);

        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        Assert.Equal("v1", version.Name);
        Assert.Single(recorder.Requests, r => r.Uri.AbsolutePath.EndsWith("/upload_version", StringComparison.Ordinal));
        Assert.Single((await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions(), None)).Items);
    }

    [Fact]
    public async Task UploadPipeline_NewPipeline_FirstVersionIsNamedLikeThePipeline()
    {
        using var client = emulator.Client();
        var name = TestData.Unique("upl");

        var pipeline = await client.UploadPipelineAsync(new UploadPipelineRequest(name, Samples.HelloWorld) { DisplayName = "Shown", Description = "d" }, None);
        var version = Assert.Single((await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions(), None)).Items);

        Assert.Equal(name, pipeline.Name);
        Assert.Equal("Shown", pipeline.DisplayName);
        Assert.Equal(name, version.Name);
        Assert.Equal("Shown", version.DisplayName);
        Assert.Equal("d", version.Description);
    }

    [Fact]
    public async Task DeletePipelineVersion_Existing_LeavesPipelineEmpty()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), None);

        await client.DeletePipelineVersionAsync(pipeline.PipelineId, version.PipelineVersionId, None);

        Assert.Null(await client.FindPipelineVersionAsync(pipeline.PipelineId, "v1", None));
        Assert.Equal(pipeline.PipelineId, (await client.GetPipelineAsync(pipeline.PipelineId, None)).PipelineId);
    }

    [Fact]
    public async Task ListPipelineVersions_CreatedAtDescWithinOneSecond_PutsTheLastUploadFirst()
    {
        using var client = emulator.Client();
        var pipeline = await NewPipelineAsync(client);
        foreach (var name in new[] { "a", "c", "b" })
        {
            await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, name, Samples.HelloWorld), None);
        }

        var page = await client.ListPipelineVersionsAsync(pipeline.PipelineId, new KfpListOptions { SortBy = KfpSort.Desc("created_at") }, None);

        Assert.Equal(["b", "c", "a"], page.Items.Select(v => v.Name));
    }

    [Fact]
    public async Task ListPipelineVersions_UnknownPipeline_ThrowsNotFound()
    {
        using var client = emulator.Client();

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.ListPipelineVersionsAsync("missing", new KfpListOptions(), None));

        Assert.True(e.IsNotFound);
    }
}
