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
internal sealed partial class KfpJsonContext : JsonSerializerContext;
