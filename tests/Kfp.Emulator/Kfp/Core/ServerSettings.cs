namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// Which KFP server the emulator plays. Changed by <c>POST /_emulator/config</c>
/// <c>{"version":"2.5.0","multiUser":true}</c>; defaults to a single-user KFP 2.17.0.
/// </summary>
public sealed record ServerSettings
{
    public string Version { get; init; } = "2.17.0";

    public bool MultiUser { get; init; }

    private Version Parsed => System.Version.TryParse(Version, out var v) ? v : new Version(2, 17, 0);

    /// <summary>2.14+ (grpc-gateway v2): unknown JSON fields are rejected.</summary>
    public bool RejectsUnknownFields => Parsed >= new Version(2, 14);

    /// <summary>2.14+: pipelines and versions have a <c>name</c> besides <c>display_name</c>; delete has <c>cascade</c>.</summary>
    public bool HasNames => Parsed >= new Version(2, 14);

    /// <summary>2.17+: tags on pipelines and versions.</summary>
    public bool HasTags => Parsed >= new Version(2, 17);
}
