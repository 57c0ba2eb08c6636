namespace Kfp.Provider.Engine;

/// <summary>An engine log that drops every message (no engine to talk to).</summary>
internal sealed class NullEngineLog : IEngineLog
{
    public static NullEngineLog Instance { get; } = new();

    public Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct) => Task.CompletedTask;
}
