using System.Text.Json.Nodes;

namespace Kfp.Provider.Tests.Replay;

/// <summary>One provider call of a recorded engine session (PULUMI_DEBUG_GRPC, as a JSON array).</summary>
internal sealed record RecordedCall(string Method, JsonObject Request, JsonObject? Response, bool Failed)
{
    private const string Prefix = "/pulumirpc.ResourceProvider/";

    public static IReadOnlyList<RecordedCall> Load(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pulumi-grpc-logs", fixture);
        var entries = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return [.. entries
            .Select(e => e!.AsObject())
            .Where(e => e["method"]!.GetValue<string>().StartsWith(Prefix, StringComparison.Ordinal))
            .Where(e => e["progress"] is null || e["progress"]!.GetValue<string>() == "response_completed")
            .Select(e => new RecordedCall(
                e["method"]!.GetValue<string>()[Prefix.Length..],
                e["request"]?.AsObject() ?? [],
                e["response"] as JsonObject,
                e["errors"] is JsonArray { Count: > 0 }))];
    }
}
