using System.Text.Json.Serialization;
using Kfp.Api.Models;

namespace Kfp.Api.Json;

/// <summary>
/// The KFP wire format: snake_case envelope, absent fields omitted, int64 as strings (per property),
/// timestamps RFC 3339. Embedded pipeline specs are kept as raw JSON and never renamed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KfpTimestampConverter)])]
[JsonSerializable(typeof(FilterWire))]
[JsonSerializable(typeof(Experiment))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(ListExperimentsWire))]
[JsonSerializable(typeof(PipelineWire))]
[JsonSerializable(typeof(PipelineDisplayNameWire))]
[JsonSerializable(typeof(Pipeline))]
[JsonSerializable(typeof(ListPipelinesWire))]
[JsonSerializable(typeof(PipelineVersion))]
[JsonSerializable(typeof(ListPipelineVersionsWire))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(ListRunsWire))]
[JsonSerializable(typeof(CreateRecurringRunRequest))]
[JsonSerializable(typeof(RecurringRun))]
[JsonSerializable(typeof(ListRecurringRunsWire))]
[JsonSerializable(typeof(KfpHealth))]
internal sealed partial class KfpJsonContext : JsonSerializerContext;
