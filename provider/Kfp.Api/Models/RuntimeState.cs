using System.Text.Json.Serialization;
using Kfp.Api.Json;

namespace Kfp.Api.Models;

/// <summary>Run state. Terminal: Succeeded, Skipped, Failed, Canceled.</summary>
[JsonConverter(typeof(KfpEnumConverter<RuntimeState>))]
public enum RuntimeState
{
    [JsonStringEnumMemberName("RUNTIME_STATE_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("RUNNING")] Running,
    [JsonStringEnumMemberName("SUCCEEDED")] Succeeded,
    [JsonStringEnumMemberName("SKIPPED")] Skipped,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("CANCELING")] Canceling,
    [JsonStringEnumMemberName("CANCELED")] Canceled,
    [JsonStringEnumMemberName("PAUSED")] Paused,
}
