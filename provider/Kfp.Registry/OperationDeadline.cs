namespace Kfp.Registry;

/// <summary>A registry operation's time limit: a token that ends at the deadline or when the caller cancels. Create it in
/// the async method that runs the operation, so the caller's token stays on that flow only.</summary>
internal sealed class OperationDeadline : IDisposable
{
    private static readonly AsyncLocal<CancellationToken> Caller = new();
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    public OperationDeadline(RegistryClientOptions options, CancellationToken caller)
    {
        _deadline = new CancellationTokenSource(options.Deadline, options.Time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
        Caller.Value = caller;
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the caller (not a deadline or timeout) cancelled the running operation; an operation
    /// sets its caller's token on the async flow when it starts.</summary>
    public static bool CallerCancelled() => Caller.Value.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
