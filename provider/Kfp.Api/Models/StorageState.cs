using System.Text.Json.Serialization;
using Kfp.Api.Json;

namespace Kfp.Api.Models;

/// <summary>Whether an experiment (or run) is archived.</summary>
[JsonConverter(typeof(KfpEnumConverter<StorageState>))]
public enum StorageState
{
    [JsonStringEnumMemberName("STORAGE_STATE_UNSPECIFIED")] Unspecified,
    [JsonStringEnumMemberName("AVAILABLE")] Available,
    [JsonStringEnumMemberName("ARCHIVED")] Archived,
}
