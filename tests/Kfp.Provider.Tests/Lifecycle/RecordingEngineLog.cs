using System.Collections.Concurrent;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Tests.Lifecycle;

/// <summary>An engine log that keeps every message the provider sends (and passes it on to the real one).</summary>
internal sealed class RecordingEngineLog
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Every message so far, in the order they were sent.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The messages sent on one resource.</summary>
    public IReadOnlyList<LogEntry> For(string urn) => [.. _entries.Where(e => e.Urn == urn)];

    public IEngineLog Around(IEngineLog inner) => new Recorder(this, inner);

    private sealed class Recorder(RecordingEngineLog owner, IEngineLog inner) : IEngineLog
    {
        public Task LogAsync(LogLevel level, string message, string? urn, bool ephemeral, CancellationToken ct)
        {
            owner._entries.Enqueue(new LogEntry(level, message, urn ?? "", ephemeral, DateTimeOffset.UtcNow));
            return inner.LogAsync(level, message, urn, ephemeral, ct);
        }
    }
}

/// <summary>One message to the engine, with the time it was sent.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, string Urn, bool Ephemeral, DateTimeOffset At);
