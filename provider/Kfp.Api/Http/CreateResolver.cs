using System.Net;
using System.Net.Sockets;

namespace Kfp.Api.Http;

/// <summary>
/// Creates an object at most once. A create whose outcome is unknown (a 500 or 429 after the write, 502/503/504,
/// a dropped connection, a timeout) may have happened: the object is then looked up, and a found object that is
/// exactly what the create asked for is returned. The create is sent again only when that cannot make a second
/// object: for names KFP keeps unique (a duplicate is refused with 409 and resolved by lookup), or, for names that
/// may repeat (runs, recurring runs), only when KFP itself answered (it finished the request and the lookup shows
/// it made nothing) or the request never left. Otherwise the lookup is repeated until the deadline, and the
/// failure says how to find and import the object.
/// </summary>
internal sealed class CreateResolver(KfpClientOptions options, KfpTransport transport)
{
    /// <summary>The plan of callers that need no match or import advice: any found object counts as the created one.</summary>
    public Task<T> CreateAsync<T>(
        Func<CancellationToken, Task<T>> create,
        Func<CancellationToken, Task<T?>> lookup,
        bool uniqueName,
        CancellationToken cancellationToken)
        where T : class =>
        CreateAsync(new CreatePlan<T>(create, lookup, _ => [], _ => "", uniqueName, "the object"), cancellationToken);

    public async Task<T> CreateAsync<T>(CreatePlan<T> plan, CancellationToken cancellationToken)
        where T : class
    {
        var scope = OperationScope.Join(options);
        var attempts = Math.Max(1, options.Retry.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            KfpApiException failure;
            try
            {
                return await plan.Create(cancellationToken);
            }
            catch (KfpApiException e)
            {
                failure = e;
            }
            if (failure.IsAlreadyExists)
            {
                var holder = await FindQuietlyAsync(plan, cancellationToken);
                if (holder is not null && attempt > 1 && plan.Differences(holder).Count == 0)
                {
                    return holder; // an earlier attempt made it after all
                }
                throw scope.Annotate(NameTaken(plan, failure, holder));
            }
            if (!failure.IsAmbiguousWrite)
            {
                throw scope.Annotate(failure);
            }
            if (await FindOursAsync(plan, cancellationToken) is { } found)
            {
                return found;
            }
            if (!plan.UniqueName && !Answered(failure) && !NotSent(failure))
            {
                return await AwaitLateWriteAsync(plan, failure, scope, cancellationToken);
            }
            var delay = transport.RetryDelay(failure, attempt + 1);
            if (attempt >= attempts || delay is null || delay.Value >= scope.Remaining)
            {
                throw scope.Annotate(failure);
            }
            await Task.Delay(delay.Value, options.Time, cancellationToken);
        }
    }

    /// <summary>The holder of the name for a 409's message; a failed lookup leaves the 409 as it was.</summary>
    private static async Task<T?> FindQuietlyAsync<T>(CreatePlan<T> plan, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await plan.Find(cancellationToken);
        }
        catch (KfpApiException)
        {
            return null;
        }
    }

    private static async Task<T?> FindOursAsync<T>(CreatePlan<T> plan, CancellationToken cancellationToken)
        where T : class =>
        await plan.Find(cancellationToken) is { } found && plan.Differences(found).Count == 0 ? found : null;

    /// <summary>The request reached KFP but its answer did not come back: KFP may still be writing. Look again for a while.</summary>
    private async Task<T> AwaitLateWriteAsync<T>(CreatePlan<T> plan, KfpApiException failure, OperationScope scope, CancellationToken cancellationToken)
        where T : class
    {
        for (var look = 2; look <= Math.Max(2, options.Retry.MaxAttempts); look++)
        {
            var delay = options.Retry.DelayBefore(look, options.Jitter());
            if (delay >= scope.Remaining)
            {
                break;
            }
            await Task.Delay(delay, options.Time, cancellationToken);
            if (await FindOursAsync(plan, cancellationToken) is { } found)
            {
                return found;
            }
        }
        var started = scope.Start.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        throw scope.Annotate(failure.Failure is { } f
            ? new KfpApiException(f with
            {
                Advice = $"KFP may still have created it: the request was sent but no answer came, and it was not sent again so that " +
                    $"no second one is made. Look in KFP for {f.Subject} created after {started}; if it is there, import it with " +
                    $"`pulumi import {plan.ImportType} <resource name> <id>` instead of creating another.",
            }, failure.InnerException)
            : failure);
    }

    private static KfpApiException NameTaken<T>(CreatePlan<T> plan, KfpApiException failure, T? holder)
        where T : class
    {
        if (holder is null || failure.Failure is not { } f)
        {
            return failure;
        }
        var id = plan.IdOf(holder);
        var diffs = plan.Differences(holder);
        var advice = diffs.Count == 0
            ? $"An identical object already holds the name (ID {id}), perhaps made by an earlier update whose answer was lost: " +
                $"adopt it with `pulumi import {plan.ImportType} <resource name> {id}`, or delete it in KFP."
            : $"Another object holds the name (ID {id}) and differs in {string.Join(", ", diffs)}: choose another name, delete it in KFP, " +
                $"or import it with `pulumi import {plan.ImportType} <resource name> {id}` and make the program match it.";
        return new KfpApiException(f with { ExistingId = id, ExistingMatches = diffs.Count == 0, Advice = advice }, failure.InnerException);
    }

    /// <summary>KFP itself answered (it finished the request), rather than a gateway that may have given up on it.</summary>
    private static bool Answered(KfpApiException e) =>
        e.StatusCode is { } status && status is not (HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);

    /// <summary>The connection was never made, so the request never reached KFP.</summary>
    private static bool NotSent(KfpApiException e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }
        return false;
    }
}
