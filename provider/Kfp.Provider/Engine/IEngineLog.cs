namespace Kfp.Provider.Engine;

/// <summary>How the Pulumi CLI shows a message from the provider.</summary>
internal enum LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>
/// Messages for the user, shown by the Pulumi CLI (attached to <paramref name="urn"/> when given). A no-op until
/// the engine's address is known; it never throws (failures go to the plugin's stderr).
/// </summary>
internal interface IEngineLog
{
    Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct);
}
