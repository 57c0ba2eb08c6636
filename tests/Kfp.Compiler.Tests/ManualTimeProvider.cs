namespace Kfp.Compiler.Tests;

/// <summary>A clock whose timers fire only when the test says so.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];
    private readonly Lock _gate = new();

    public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Add((callback, state));
        }

        TimerCreated.TrySetResult();
        return new NoopTimer();
    }

    public void FireAll()
    {
        List<(TimerCallback Callback, object? State)> timers;
        lock (_gate)
        {
            timers = [.. _timers];
        }

        foreach (var (callback, state) in timers)
        {
            callback(state);
        }
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
