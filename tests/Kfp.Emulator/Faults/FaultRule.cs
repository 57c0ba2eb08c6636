using System.Text.Json.Serialization;

namespace Kfp.Emulator.Faults;

/// <summary>A fault to inject: body of <c>POST {api}/_emulator/faults</c>.</summary>
public sealed record FaultRule
{
    /// <summary>Glob over the request path ('*' matches any run of characters).</summary>
    [JsonPropertyName("path")] public string Path { get; init; } = "*";

    /// <summary>HTTP method to match; null matches all.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>Status to answer; 0 lets the request through (after <see cref="DelayMs"/>).</summary>
    [JsonPropertyName("status")] public int Status { get; init; }

    /// <summary>How many requests the fault applies to; omitted, 0 or less means every request until
    /// <c>DELETE /_emulator/faults</c>.</summary>
    [JsonPropertyName("count")] public int Count { get; init; }

    [JsonPropertyName("delayMs")] public int DelayMs { get; init; }

    /// <summary>Drop the connection instead of answering.</summary>
    [JsonPropertyName("reset")] public bool Reset { get; init; }

    /// <summary>Optional response body; a JSON error body fitting the API is used when absent.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }
}

[JsonSerializable(typeof(FaultRule))]
internal sealed partial class FaultJsonContext : JsonSerializerContext;
