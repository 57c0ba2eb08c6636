using System.Text.Json.Serialization;
using Kfp.Api.Json;

namespace Kfp.Api.Models;

[JsonConverter(typeof(KfpEnumConverter<RecurringRunStatus>))]
public enum RecurringRunStatus
{
    [JsonStringEnumMemberName("STATUS_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("ENABLED")] Enabled,
    [JsonStringEnumMemberName("DISABLED")] Disabled,
}
