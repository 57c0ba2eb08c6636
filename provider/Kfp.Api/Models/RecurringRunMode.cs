using System.Text.Json.Serialization;
using Kfp.Api.Json;

namespace Kfp.Api.Models;

/// <summary>Whether a recurring run starts enabled. The server creates it DISABLED when the mode is missing.</summary>
[JsonConverter(typeof(KfpEnumConverter<RecurringRunMode>))]
public enum RecurringRunMode
{
    [JsonStringEnumMemberName("MODE_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("ENABLE")] Enable,
    [JsonStringEnumMemberName("DISABLE")] Disable,
}
