namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// The host-wide cancellation behind the Cancel RPC. Every call's token is linked to
/// <see cref="Token"/>; <see cref="CancelAll"/> cancels the calls in flight and installs a fresh source,
/// so a provider that stays attached keeps serving later runs.
/// </summary>
internal sealed class CallCancellation : IDisposable
{
    private CancellationTokenSource _current = new();

    /// <summary>The token that the calls starting now are linked to.</summary>
    public CancellationToken Token => Volatile.Read(ref _current).Token;

    /// <summary>Cancels every call started before this call.</summary>
    public void CancelAll()
    {
        // The old source is not disposed: calls in flight still hold registrations on its token,
        // and a source without a timer holds no unmanaged resources.
        var previous = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        previous.Cancel();
    }

    public void Dispose() => Volatile.Read(ref _current).Dispose();
}
