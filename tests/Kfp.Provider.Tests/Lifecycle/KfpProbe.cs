using System.Text.Json.Nodes;
using Kfp.Emulator;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>Looks at (and tampers with) the emulated KFP server directly, as a user in the UI would.</summary>
internal sealed class KfpProbe(EmulatorHost emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.KfpUrl };

    public async Task<JsonObject> GetAsync(string path) =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsObject();

    public async Task<int> StatusOfGetAsync(string path) => (int)(await _http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;

    public async Task<IReadOnlyList<string>> VersionIdsAsync(string pipelineId)
    {
        var page = await GetAsync($"/apis/v2beta1/pipelines/{pipelineId}/versions?page_size=100");
        return page["pipeline_versions"] is JsonArray versions ? [.. versions.Select(v => v!["pipeline_version_id"]!.GetValue<string>())] : [];
    }

    public async Task DeleteAsync(string path) => (await _http.DeleteAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();
}
