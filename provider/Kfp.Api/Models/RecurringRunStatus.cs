using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

[JsonConverter(typeof(JsonStringEnumConverter<RecurringRunStatus>))]
public enum RecurringRunStatus
{
    [JsonStringEnumMemberName("STATUS_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("ENABLED")] Enabled,
    [JsonStringEnumMemberName("DISABLED")] Disabled,
}
