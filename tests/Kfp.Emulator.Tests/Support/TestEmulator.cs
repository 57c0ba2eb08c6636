using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Tests.Support;

/// <summary>An in-process emulator on a manual clock, and raw KFP calls against it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private TestEmulator(EmulatorHost host, ManualClock clock)
    {
        Host = host;
        Clock = clock;
    }

    public EmulatorHost Host { get; }

    public ManualClock Clock { get; }

    public string? Token { get; set; }

    public static async Task<TestEmulator> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var clock = new ManualClock(Start);
        var options = new EmulatorOptions { Time = clock, TaskDuration = TimeSpan.FromSeconds(10) };
        return new TestEmulator(await EmulatorHost.StartAsync(configure is null ? options : configure(options)), clock);
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ir", name));

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Host.KfpUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonObject> GetAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.True(status == 200, $"GET {path}: {status} {body?.ToJsonString()}");
        return body!.AsObject();
    }

    public async Task<JsonObject> PostAsync(string path, JsonNode body)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, path, body);
        Assert.True(status == 200, $"POST {path}: {status} {answer?.ToJsonString()}");
        return answer!.AsObject();
    }

    /// <summary>Uploads a pipeline file; returns the pipeline id and its first version's id.</summary>
    public async Task<(string PipelineId, string VersionId)> UploadAsync(string name, string yaml)
    {
        var pipeline = await UploadFileAsync($"/apis/v2beta1/pipelines/upload?name={name}", yaml);
        var pipelineId = pipeline["pipeline_id"]!.ToString();
        var versions = await GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions");
        return (pipelineId, versions["pipeline_versions"]![0]!["pipeline_version_id"]!.ToString());
    }

    public async Task<JsonObject> UploadVersionAsync(string pipelineId, string name, string yaml) =>
        await UploadFileAsync($"/apis/v2beta1/pipelines/upload_version?pipelineid={pipelineId}&name={name}", yaml);

    public async Task<JsonObject> RunAsync(string pipelineId, string? versionId = null, string name = "run") =>
        await PostAsync("/apis/v2beta1/runs", new JsonObject
        {
            ["display_name"] = name,
            ["pipeline_version_reference"] = new JsonObject { ["pipeline_id"] = pipelineId, ["pipeline_version_id"] = versionId },
        });

    /// <summary>Moves the emulator clock the way a user of the binary does.</summary>
    public async Task AdvanceAsync(double seconds) =>
        await PostAsync("/_emulator/clock", new JsonObject { ["advanceSeconds"] = seconds });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }

    private async Task<JsonObject> UploadFileAsync(string path, string yaml)
    {
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        using var form = new MultipartFormDataContent { { file, "uploadfile", "pipeline.yaml" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.KfpUrl, path)) { Content = form };
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
