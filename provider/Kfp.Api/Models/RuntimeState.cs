using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

/// <summary>Run state. Terminal: Succeeded, Skipped, Failed, Canceled.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuntimeState>))]
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
