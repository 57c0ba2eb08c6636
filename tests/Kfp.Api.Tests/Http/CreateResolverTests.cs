using System.Net;
using Kfp.Api.Http;

namespace Kfp.Api.Tests.Http;

public sealed class CreateResolverTests
{
    private static readonly KfpClientOptions Options = new()
    {
        BaseAddress = new Uri("http://kfp"),
        Retry = new KfpRetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
    };

    private static CreateResolver Resolver() => new(Options, new KfpTransport(Options));

    private static KfpApiException Failure(KfpErrorKind kind, HttpStatusCode? status = null) =>
        new(new KfpFailure(kind, status, null, "", "create thing", "POST /x", "'a'"));

    [Fact]
    public async Task CreateAsync_TimeoutAndAbsentForRepeatableName_DoesNotCreateAgain()
    {
        var creates = 0;

        var e = await Assert.ThrowsAsync<KfpApiException>(() => Resolver().CreateAsync<string>(
            _ => { creates++; throw Failure(KfpErrorKind.Timeout); },
            _ => Task.FromResult<string?>(null),
            uniqueName: false,
            CancellationToken.None));

        Assert.Equal(KfpErrorKind.Timeout, e.Kind);
        Assert.Equal(1, creates);
    }

    [Fact]
    public async Task CreateAsync_KfpAnsweredUnavailableAndAbsent_CreatesAgain()
    {
        var creates = 0;

        var result = await Resolver().CreateAsync(
            _ => ++creates == 1 ? throw Failure(KfpErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable) : Task.FromResult("made"),
            _ => Task.FromResult<string?>(null),
            uniqueName: false,
            CancellationToken.None);

        Assert.Equal("made", result);
        Assert.Equal(2, creates);
    }

    [Fact]
    public async Task CreateAsync_AlreadyExistsOnRetry_ReturnsTheObjectTheFirstAttemptMade()
    {
        var lookups = 0;

        var result = await Resolver().CreateAsync(
            attempt => lookups == 0 ? throw Failure(KfpErrorKind.Network) : throw Failure(KfpErrorKind.AlreadyExists, HttpStatusCode.Conflict),
            _ => Task.FromResult(lookups++ == 0 ? null : "existing"),
            uniqueName: true,
            CancellationToken.None);

        Assert.Equal("existing", result);
    }

    [Fact]
    public async Task CreateAsync_AlreadyExistsOnFirstAttempt_IsTheCallersError()
    {
        var e = await Assert.ThrowsAsync<KfpApiException>(() => Resolver().CreateAsync<string>(
            _ => throw Failure(KfpErrorKind.AlreadyExists, HttpStatusCode.Conflict),
            _ => Task.FromResult<string?>("someone else's"),
            uniqueName: true,
            CancellationToken.None));

        Assert.True(e.IsAlreadyExists);
    }

    [Fact]
    public async Task CreateAsync_InvalidArgument_IsNeitherRetriedNorLookedUp()
    {
        var lookups = 0;

        await Assert.ThrowsAsync<KfpApiException>(() => Resolver().CreateAsync<string>(
            _ => throw Failure(KfpErrorKind.InvalidArgument, HttpStatusCode.BadRequest),
            _ => { lookups++; return Task.FromResult<string?>(null); },
            uniqueName: true,
            CancellationToken.None));

        Assert.Equal(0, lookups);
    }
}
