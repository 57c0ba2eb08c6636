namespace Kfp.Api.Http;

/// <summary>
/// The clock of one client operation (a public call with its retries and lookups): when it started, when it
/// must end (<see cref="KfpClientOptions.Deadline"/>), and how many HTTP attempts it made. Nested sends join the
/// operation that is already running on the async flow.
/// </summary>
internal sealed class OperationScope
{
    private static readonly AsyncLocal<OperationScope?> CurrentScope = new();
    private readonly TimeProvider _time;
    private int _attempts;

    private OperationScope(KfpClientOptions options)
    {
        _time = options.Time;
        Start = _time.GetUtcNow();
        Deadline = Start + options.Deadline;
        Length = options.Deadline;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset Deadline { get; }

    public TimeSpan Length { get; }

    public int Attempts => Volatile.Read(ref _attempts);

    public TimeSpan Elapsed => _time.GetUtcNow() - Start;

    public TimeSpan Remaining => Deadline - _time.GetUtcNow();

    /// <summary>The running operation, or a new one. Call from an async method: the scope then ends with it.</summary>
    public static OperationScope Join(KfpClientOptions options) => CurrentScope.Value ??= new OperationScope(options);

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>
    /// The failure that ended the retries because the next attempt would start after the deadline: its message says so,
    /// whatever the last attempt's own failure was (a request timeout, a 503).
    /// </summary>
    public KfpApiException OutOfTime(KfpApiException e)
    {
        if (e.Failure is not { } failure)
        {
            return e;
        }

        var deadline = $"the operation's deadline of {KfpFailure.Seconds(Length)} ran out before another attempt";
        var message = failure.ServerMessage.Length == 0 ? deadline : $"{failure.ServerMessage}; {deadline}";
        return new KfpApiException(failure with { ServerMessage = message }, e.InnerException);
    }

    /// <summary>The failure with this operation's effort (attempts, time) in its message.</summary>
    public KfpApiException Annotate(KfpApiException e) =>
        e.Failure is { } failure ? new KfpApiException(failure with { Attempts = Math.Max(1, Attempts), Elapsed = Elapsed }, e.InnerException) : e;
}
