namespace Kfp.Compiler.Compilation;

/// <summary>
/// One compile shared by every caller waiting for the same key. It runs with its own cancellation, which fires only when
/// the last waiter has gone (each waiter's token was cancelled, e.g. by the engine's Cancel) before the compile ended: a
/// caller that gives up alone never stops the compile others still wait for. Once cancelled the entry takes no new waiters.
/// </summary>
#pragma warning disable CA1001 // The source has no timer and no registrations to release; entries live as long as the in-memory cache.
internal sealed class SharedCompile
#pragma warning restore CA1001
{
    /// <summary>How long the last waiter to leave waits for the abandoned compile to clean up (a Job deleted, a container removed).</summary>
    public static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Lazy<Task<CompileArtifact>> _task;
    private int _waiters;
    private bool _abandoned;

    public SharedCompile(Func<CancellationToken, Task<CompileArtifact>> compile) =>
        _task = new Lazy<Task<CompileArtifact>>(() => Task.Run(() => compile(_cancel.Token)));

    /// <summary>True when the compile was cancelled because every waiter left.</summary>
    public bool Abandoned
    {
        get
        {
            lock (_gate)
            {
                return _abandoned;
            }
        }
    }

    /// <summary>
    /// Waits for the result. When <paramref name="cancellationToken"/> fires and this was the last waiter of a compile still
    /// running, the compile is cancelled and awaited (bounded by <see cref="CleanupBound"/>) before the cancellation is thrown.
    /// Returns null when the entry was already abandoned: the caller starts a fresh one.
    /// </summary>
    public async Task<CompileArtifact?> WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return null;
            }

            _waiters++;
        }

        var task = _task.Value;
        var left = false;
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !task.IsCompleted)
        {
            left = true;
            if (Leave(task))
            {
                await _cancel.CancelAsync();
                await Task.WhenAny(task, Task.Delay(CleanupBound, CancellationToken.None));
            }

            throw;
        }
        finally
        {
            if (!left)
            {
                Leave(task);
            }
        }
    }

    /// <summary>Counts a waiter out; true when it was the last one and the compile is still running (it must be cancelled).</summary>
    private bool Leave(Task task)
    {
        lock (_gate)
        {
            _waiters--;
            if (_waiters > 0 || task.IsCompleted)
            {
                return false;
            }

            _abandoned = true;
            return true;
        }
    }
}
