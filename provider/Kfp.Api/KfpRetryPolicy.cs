namespace Kfp.Api;

/// <summary>
/// Retries of idempotent calls on 429/502/503/504, timeouts and dropped connections: exponential backoff from
/// <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, with full jitter. Delays run on the client's
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed record KfpRetryPolicy
{
    /// <summary>No retries at all.</summary>
    public static KfpRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Total attempts including the first one.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest <c>Retry-After</c> (of a 429 or 503) the client waits for; a longer one fails the call at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before attempt <paramref name="attempt"/> (2 = first retry); <paramref name="jitter"/> in [0,1).</summary>
    internal TimeSpan DelayBefore(int attempt, double jitter)
    {
        var exponent = Math.Min(attempt - 2, 16);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: spreads clients apart without ever retrying immediately.
        return TimeSpan.FromMilliseconds(cap / 2 + cap / 2 * jitter);
    }
}
