using Kfp.Provider.Engine;

namespace Kfp.Provider.Resources;

/// <summary>
/// Sends a waited-for run's progress to the engine as ephemeral status messages on the resource's row, the way
/// pulumi-kubernetes reports its await logic: only when the text changes and at most one per
/// <see cref="MinInterval"/> (a change inside the interval is sent by the next call after it), then one lasting
/// line with the outcome, and an empty status to clear the row.
/// </summary>
internal sealed class RunStatusReporter(IEngineLog log, string urn, TimeProvider time)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private string _sent = "";
    private DateTimeOffset? _sentAt;

    /// <summary>Reports <paramref name="status"/> unless it is the last text sent or the last one went out under a second ago.</summary>
    public async Task StatusAsync(string status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (status == _sent || (_sentAt is { } at && now - at < MinInterval))
        {
            return;
        }
        _sent = status;
        _sentAt = now;
        await log.LogAsync(LogLevel.Info, status, urn, ephemeral: true, cancellationToken);
    }

    /// <summary>The outcome, kept in the output (not ephemeral); clears the status when one was shown.</summary>
    public async Task OutcomeAsync(LogLevel level, string message, CancellationToken cancellationToken)
    {
        if (_sentAt is not null)
        {
            await log.LogAsync(LogLevel.Info, "", urn, ephemeral: true, cancellationToken);
        }
        await log.LogAsync(level, message, urn, ephemeral: false, cancellationToken);
    }
}
