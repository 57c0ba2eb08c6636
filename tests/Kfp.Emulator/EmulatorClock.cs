namespace Kfp.Emulator;

/// <summary>
/// The emulator's clock: the injected clock plus an offset that tests move forward with
/// <c>POST /_emulator/clock</c> <c>{"advanceSeconds":N}</c>. Schedules fire and runs progress on it.
/// </summary>
public sealed class EmulatorClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward; time never goes back.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "the emulator clock only moves forward");
        }
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
