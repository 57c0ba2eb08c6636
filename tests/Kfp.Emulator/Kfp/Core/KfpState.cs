using System.Text.Json.Serialization;
using Kfp.Emulator.Kfp.Experiments;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>Everything the emulated server stores; what <c>--state-dir</c> keeps across restarts.</summary>
public sealed class KfpState
{
    public ServerSettings Settings { get; set; } = new();

    public Dictionary<string, ExperimentRow> Experiments { get; init; } = new(StringComparer.Ordinal);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KfpState))]
internal sealed partial class KfpStateJsonContext : JsonSerializerContext;
