using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Messages for the user, sent to the engine's <c>pulumirpc.Engine/Log</c> (shown in the CLI,
/// attached to <paramref name="urn"/> when given). A no-op until the engine address is known, and it
/// never throws: failures are written to stderr.
/// </summary>
internal interface IEngineLog
{
    Task LogAsync(LogSeverity severity, string message, string? urn, bool ephemeral, CancellationToken ct);
}
