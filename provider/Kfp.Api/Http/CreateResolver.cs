namespace Kfp.Api.Http;

/// <summary>
/// Creates an object at most once. A create that fails ambiguously (timeout, dropped connection, 502/503/504)
/// may have happened; the object is then looked up by name, and created again only if absent and only when
/// the name is unique on the server (a duplicate would be refused with 409), or, for objects whose names may
/// repeat, only when the failure was an answer (502/503/504) rather than a timeout that may still complete.
/// </summary>
internal sealed class CreateResolver(KfpClientOptions options)
{
    public async Task<T> CreateAsync<T>(
        Func<CancellationToken, Task<T>> create,
        Func<CancellationToken, Task<T?>> lookup,
        bool uniqueName,
        CancellationToken cancellationToken)
        where T : class
    {
        var attempts = Math.Max(1, options.Retry.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await create(cancellationToken);
            }
            catch (KfpApiException e) when (e.IsAlreadyExists && attempt > 1)
            {
                // An earlier attempt did create it after all.
                if (await lookup(cancellationToken) is { } existing)
                {
                    return existing;
                }
                throw;
            }
            catch (KfpApiException e) when (e.IsTransient)
            {
                await Task.Delay(options.Retry.DelayBefore(attempt + 1, options.Jitter()), options.Time, cancellationToken);
                if (await lookup(cancellationToken) is { } found)
                {
                    return found;
                }
                if ((!uniqueName && e.Kind == KfpErrorKind.Timeout) || attempt >= attempts)
                {
                    throw;
                }
            }
        }
    }
}
