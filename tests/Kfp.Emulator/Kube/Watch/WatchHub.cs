using System.Threading.Channels;

namespace Kfp.Emulator.Kube.Watch;

/// <summary>
/// Recent changes (for watches that start from a list's resourceVersion) and the live subscribers.
/// Publish and Subscribe are called under the store's gate, so no change falls between replay and subscription.
/// </summary>
internal sealed class WatchHub
{
    private const int HistoryLimit = 1000;
    private readonly LinkedList<WatchEvent> _history = new();
    private readonly List<Channel<WatchEvent>> _subscribers = [];
    private readonly Lock _gate = new();

    public void Publish(WatchEvent change)
    {
        lock (_gate)
        {
            _history.AddLast(change);
            if (_history.Count > HistoryLimit)
            {
                _history.RemoveFirst();
            }
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>A channel of every change after <paramref name="since"/>, starting with the remembered ones.</summary>
    public Channel<WatchEvent> Subscribe(long since)
    {
        var channel = Channel.CreateUnbounded<WatchEvent>();
        lock (_gate)
        {
            foreach (var change in _history.Where(e => e.Revision > since))
            {
                channel.Writer.TryWrite(change);
            }
            _subscribers.Add(channel);
        }
        return channel;
    }

    public void Unsubscribe(Channel<WatchEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }
}
