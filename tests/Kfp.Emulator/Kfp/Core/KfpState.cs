using System.Text.Json.Serialization;
using Kfp.Emulator.Kfp.Experiments;
using Kfp.Emulator.Kfp.Pipelines;
using Kfp.Emulator.Kfp.RecurringRuns;
using Kfp.Emulator.Kfp.Runs;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>Everything the emulated server stores; what <c>--state-dir</c> keeps across restarts.</summary>
public sealed class KfpState
{
    public ServerSettings Settings { get; set; } = new();

    public Dictionary<string, ExperimentRow> Experiments { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, PipelineRow> Pipelines { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, VersionRow> Versions { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, RunRow> Runs { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, RecurringRunRow> RecurringRuns { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How far <c>POST /_emulator/clock</c> moved the clock, so a restart keeps emulator time.</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>Insertion counter (see <see cref="VersionRow.Sequence"/>).</summary>
    public long Sequence { get; set; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KfpState))]
internal sealed partial class KfpStateJsonContext : JsonSerializerContext;
