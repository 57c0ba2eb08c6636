using System.Text.Json.Serialization;

namespace Kfp.Emulator.Registry;

/// <summary>Everything the emulated registry stores; what <c>--state-dir</c> keeps across restarts.</summary>
public sealed class RegistryState
{
    /// <summary>Username → password. Empty: anonymous pulls are allowed.</summary>
    public SortedDictionary<string, string> Users { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Repository name (e.g. <c>team/trainer</c>) → its tags and manifests.</summary>
    public SortedDictionary<string, RegistryRepository> Repositories { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Counts seeded images, so every seeded manifest (and so its digest) is new.</summary>
    public long Sequence { get; set; }
}

/// <summary>One repository: tag → digest, and digest → manifest JSON.</summary>
public sealed class RegistryRepository
{
    public SortedDictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Manifests { get; init; } = new(StringComparer.Ordinal);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RegistryState))]
internal sealed partial class RegistryStateJsonContext : JsonSerializerContext;
