using System.Text.Json.Serialization;

namespace Kfp.Api.Models;

/// <summary>Whether an experiment (or run) is archived.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageState>))]
public enum StorageState
{
    [JsonStringEnumMemberName("STORAGE_STATE_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("AVAILABLE")] Available,
    [JsonStringEnumMemberName("ARCHIVED")] Archived,
}
