using System.Runtime.InteropServices;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>Turns SIGINT and SIGTERM into a cancellation token (the process then exits cleanly).</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the host stops the server and returns exit code 0 itself.
        context.Cancel = true;
        _source.Cancel();
    }
}
