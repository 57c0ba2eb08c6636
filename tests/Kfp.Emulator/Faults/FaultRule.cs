using System.Text.Json.Serialization;

namespace Kfp.Emulator.Faults;

/// <summary>A fault to inject: body of <c>POST {api}/_emulator/faults</c>.</summary>
public sealed record FaultRule
{
    /// <summary>Glob over the request path ('*' matches any run of characters).</summary>
    [JsonPropertyName("path")] public string Path { get; init; } = "*";

    /// <summary>HTTP method to match; null matches all.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>Status to answer; 0 lets the request through (after <see cref="DelayMs"/>), or with
    /// <see cref="AfterHandler"/> sends the handler's own answer late.</summary>
    [JsonPropertyName("status")] public int Status { get; init; }

    /// <summary>How many requests the fault applies to; omitted, 0 or less means every request until
    /// <c>DELETE /_emulator/faults</c>.</summary>
    [JsonPropertyName("count")] public int Count { get; init; }

    [JsonPropertyName("delayMs")] public int DelayMs { get; init; }

    /// <summary>Drop the connection instead of answering.</summary>
    [JsonPropertyName("reset")] public bool Reset { get; init; }

    /// <summary>Optional response body; a JSON error body fitting the API is used when absent.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }

    /// <summary>Extra response headers of the fault answer, e.g. <c>{"Retry-After":"1"}</c>.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// A lost answer: the request is handled first (the object exists), then the handler's answer is thrown
    /// away and the fault is answered instead: <see cref="Status"/>, a dropped connection (<see cref="Reset"/>),
    /// or, with status 0, the real answer after <see cref="DelayMs"/> (a client with a shorter timeout sees none).
    /// </summary>
    [JsonPropertyName("afterHandler")] public bool AfterHandler { get; init; }
}

[JsonSerializable(typeof(FaultRule))]
internal sealed partial class FaultJsonContext : JsonSerializerContext;
