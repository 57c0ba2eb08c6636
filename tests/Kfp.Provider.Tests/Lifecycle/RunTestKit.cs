using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>What the Run and RecurringRun lifecycle tests share: a pipeline to run, raw KFP calls, reading properties.</summary>
internal static class RunTestKit
{
    /// <summary>Registers <c>add_numbers</c> (integer parameters <c>a</c> and <c>b</c>) through the provider; returns its pipeline and version IDs.</summary>
    public static async Task<(string PipelineId, string VersionId)> PipelineAsync(ProviderFixture fixture, string name)
    {
        var inputs = PropertyMap.Empty.With("name", PropertyValue.Of(name)).With("source", PropertyValue.Of(fixture.AddSample("add_numbers.yaml", name + ".yaml")));
        var state = await new LifecycleTest(fixture.Client, "kfp:index:Pipeline", name).CreateAsync(inputs, PropertyMap.Empty);
        return (state.Id, Text(state.Outputs, "versionId"));
    }

    public static PropertyValue Parameters(int a, int b) =>
        PropertyValue.Of(PropertyMap.Empty.With("a", PropertyValue.Of(a)).With("b", PropertyValue.Of(b)));

    /// <summary>POSTs to the emulated KFP as a user or the UI would; returns the JSON answer.</summary>
    public static async Task<JsonObject> PostAsync(ProviderFixture fixture, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Emulator.KfpUrl };
        using var response = body is null
            ? await http.PostAsync(new Uri(path, UriKind.Relative), null)
            : await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Waits until a run with this display name exists (Create made it and is now waiting on it); returns its ID.</summary>
    public static async Task<string> RunNamedAsync(KfpProbe kfp, string displayName, Task stillWaiting)
    {
        var filter = Uri.EscapeDataString($$"""{"predicates":[{"key":"display_name","operation":"EQUALS","string_value":"{{displayName}}"}]}""");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Assert.False(stillWaiting.IsCompleted, $"Create ended before the test moved run '{displayName}': {stillWaiting.Exception?.InnerException?.Message}");
            var page = await kfp.GetAsync($"/apis/v2beta1/runs?filter={filter}");
            if (page["runs"] is JsonArray { Count: > 0 } runs)
            {
                return runs[0]!["run_id"]!.GetValue<string>();
            }
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>The partial state a failed Create or Update reported (ErrorResourceInitFailed).</summary>
    public static ErrorResourceInitFailed InitFailure(GrpcCallException e)
    {
        Assert.NotNull(e.StatusDetails);
        return Assert.Single(e.StatusDetails.Details).Unpack<ErrorResourceInitFailed>();
    }

    public static string Text(PropertyMap map, string key) => Assert.IsType<StringValue>(map.Get(key).Plain).Value;

    public static bool Bool(PropertyMap map, string key) => Assert.IsType<BoolValue>(map.Get(key).Plain).Value;

    public static double Number(PropertyMap map, string key) => Assert.IsType<NumberValue>(map.Get(key).Plain).Value;

    public static string Json(JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (n, key) => n?[key])?.ToString() ?? "";
}
