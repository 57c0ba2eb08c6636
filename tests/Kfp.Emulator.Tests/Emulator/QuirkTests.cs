using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Api.Tests.Support;

namespace Kfp.Emulator.Tests.Emulator;

/// <summary>One test per quirk of the real server (notes/kfp-api.md) that the emulator reproduces, over raw HTTP.</summary>
public sealed class QuirkTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Api = "/apis/v2beta1";

    private static JsonObject Json(string body) => JsonNode.Parse(body)!.AsObject();

    [Fact]
    public async Task Post_UnknownField_Is400InvalidArgument()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments", """{"display_name":"x","colour":"red"}""");

        Assert.Equal(400, status);
        Assert.Equal(3, Json(body)["code"]!.GetValue<int>());
        Assert.Contains("unknown field \"colour\"", Json(body)["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CamelCaseField_IsAccepted()
    {
        var name = TestData.Unique("camel");

        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments", $$"""{"displayName":"{{name}}"}""");

        Assert.Equal(200, status);
        Assert.Equal(name, Json(body)["display_name"]!.ToString());
    }

    [Fact]
    public async Task CreateExperiment_EmptyName_Is500()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments", """{"description":"no name"}""");

        Assert.Equal(500, status);
        Assert.Equal(13, Json(body)["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateExperiment_Answer_OmitsEmptyFieldsAndShowsUnsetTimesAsEpoch()
    {
        var (_, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments", $$"""{"display_name":"{{TestData.Unique("e")}}"}""");

        var json = Json(body);
        Assert.False(json.ContainsKey("description"));
        Assert.False(json.ContainsKey("namespace"));
        Assert.Equal("1970-01-01T00:00:00Z", json["last_run_created_at"]!.ToString());
        Assert.EndsWith(":00Z", json["created_at"]!.ToString()[..^1] + ":00Z", StringComparison.Ordinal);
        Assert.DoesNotContain(".", json["created_at"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoMatch_IsAnEmptyObject()
    {
        var filter = Uri.EscapeDataString("""{"predicates":[{"key":"name","operation":"EQUALS","string_value":"none-such"}]}""");

        var (status, body) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/pipelines?filter={filter}");

        Assert.Equal(200, status);
        Assert.Equal("{}", body);
    }

    [Fact]
    public async Task List_LegacyCamelCaseFilterValue_IsAccepted()
    {
        var filter = Uri.EscapeDataString("""{"predicates":[{"key":"display_name","operation":"EQUALS","stringValue":"Default"}]}""");

        var (status, body) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/experiments?filter={filter}");

        Assert.Equal(200, status);
        Assert.Equal(1, Json(body)["total_size"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_FilterOnUnknownField_Is400()
    {
        var filter = Uri.EscapeDataString("""{"predicates":[{"key":"colour","operation":"EQUALS","string_value":"red"}]}""");

        var (status, body) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/experiments?filter={filter}");

        Assert.Equal(400, status);
        Assert.Contains("unrecognized field", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipelines", 200)]
    [InlineData("experiments", 400)]
    public async Task List_TagFilter_WorksOnPipelinesOnly(string collection, int expected)
    {
        var filter = Uri.EscapeDataString("""{"predicates":[{"key":"tags.team","operation":"EQUALS","string_value":"ml"}]}""");

        var (status, _) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/{collection}?filter={filter}");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task List_NegativePageSize_Is400()
    {
        var (status, _) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/experiments?page_size=-1");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task List_PageTokenWithAnotherSort_Is400()
    {
        for (var i = 0; i < 2; i++)
        {
            await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments", $$"""{"display_name":"{{TestData.Unique("tok")}}"}""");
        }
        var (_, first) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/experiments?page_size=1&sort_by=display_name");
        var token = Uri.EscapeDataString(Json(first)["next_page_token"]!.ToString());

        var (status, body) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/experiments?page_size=1&sort_by=created_at%20desc&page_token={token}");

        Assert.Equal(400, status);
        Assert.Contains("page token does not match", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Is404NotFound()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/nothing-here");

        Assert.Equal(404, status);
        Assert.Equal("""{"code":5,"message":"Not Found"}""", body);
    }

    [Fact]
    public async Task WrongMethod_Is501MethodNotAllowed()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Put, $"{Api}/experiments");

        Assert.Equal(501, status);
        Assert.Equal("""{"code":12,"message":"Method Not Allowed"}""", body);
    }

    [Fact]
    public async Task ArchiveExperiment_UnknownIdInSingleUserMode_Is200()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/experiments/{Guid.NewGuid()}:archive");

        Assert.Equal(200, status);
        Assert.Equal("{}", body);
    }

    [Fact]
    public async Task CreateVersionJson_PipelineIdOnlyInPath_Is400ParentPipelineIdEmpty()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("v1")), CancellationToken.None);

        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/pipelines/{pipeline.PipelineId}/versions",
            """{"name":"v1","package_url":{"pipeline_url":"https://raw.githubusercontent.com/x/y/pipeline.yaml"}}""");

        Assert.Equal(400, status);
        Assert.Contains("Parent pipeline id is empty", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_WrongPipelineIdInPath_IsNotChecked()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("vp")), CancellationToken.None);
        var version = await client.UploadPipelineVersionAsync(new UploadPipelineVersionRequest(pipeline.PipelineId, "v1", Samples.HelloWorld), CancellationToken.None);

        var (status, _) = await emulator.RawAsync(HttpMethod.Get, $"{Api}/pipelines/another/versions/{version.PipelineVersionId}");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Upload_WithoutFile_Is400WithUploadErrorBody()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/pipelines/upload?name=x", "{}");

        Assert.Equal(400, status);
        Assert.NotNull(Json(body)["error_message"]);
        Assert.NotNull(Json(body)["error_details"]);
    }

    [Fact]
    public async Task UploadVersion_NameTooLong_Is400PlainText()
    {
        using var client = emulator.Client();
        var pipeline = await client.CreatePipelineAsync(new CreatePipelineRequest(TestData.Unique("long")), CancellationToken.None);

        var e = await Assert.ThrowsAsync<KfpApiException>(() => client.UploadPipelineVersionAsync(
            new UploadPipelineVersionRequest(pipeline.PipelineId, new string('v', 128), Samples.HelloWorld), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("PipelineVersion.Name length cannot exceed 127", e.ServerMessage);
    }

    [Fact]
    public async Task Upload_AnyHttpMethod_IsAccepted()
    {
        using var http = new HttpClient(new SchemaCheckingHandler(new SocketsHttpHandler(), checkRequests: false));
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Samples.HelloWorld));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-yaml");
        using var form = new MultipartFormDataContent { { file, "uploadfile", "hello.yaml" } };
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(emulator.KfpUrl, $"{Api}/pipelines/upload")) { Content = form };

        using var response = await http.SendAsync(request);
        var body = Json(await response.Content.ReadAsStringAsync());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("hello.yaml", body["name"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRecurringRun_Answer_HasInt64AsStrings()
    {
        using var client = emulator.Client();
        var pipeline = await client.UploadPipelineAsync(new UploadPipelineRequest(TestData.Unique("i64"), Samples.HelloWorld), CancellationToken.None);
        var body = $$$"""
            {"display_name":"i64","max_concurrency":2,"mode":"ENABLE",
             "trigger":{"periodic_schedule":{"interval_second":60} },
             "pipeline_version_reference":{"pipeline_id":"{{{pipeline.PipelineId}}}"} }
            """;

        var (status, answer) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/recurringruns", body);

        Assert.Equal(200, status);
        Assert.Equal("\"2\"", Json(answer)["max_concurrency"]!.ToJsonString());
        Assert.Equal("\"60\"", Json(answer)["trigger"]!["periodic_schedule"]!["interval_second"]!.ToJsonString());
    }

    [Fact]
    public async Task CreateRun_PluginsOutputSet_Is409Aborted()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/runs", """{"display_name":"r","plugins_output":{"x":{}}}""");

        Assert.Equal(409, status);
        Assert.Equal(10, Json(body)["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Healthz_AnyMethod_AnswersWithReleaseFields()
    {
        var (status, body) = await emulator.RawAsync(HttpMethod.Post, $"{Api}/healthz");

        Assert.Equal(200, status);
        Assert.Equal("2.17.0", Json(body)["tag_name"]!.ToString());
        Assert.False(Json(body)["multi_user"]!.GetValue<bool>());
    }
}
