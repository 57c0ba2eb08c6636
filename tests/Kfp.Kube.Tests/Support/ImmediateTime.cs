namespace Kfp.Kube.Tests.Support;

/// <summary>A clock whose timers fire at once and remember what they were asked to wait, so retry tests never sleep.</summary>
public sealed class ImmediateTime : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _waits.Clear();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _waits.Add(dueTime);
            }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
