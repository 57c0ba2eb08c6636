namespace Kfp.Api.Tests.Http;

public sealed class RetryPolicyTests
{
    private static readonly KfpRetryPolicy Policy = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    [Theory]
    [InlineData(2, 0.0, 50)]
    [InlineData(2, 1.0, 100)]
    [InlineData(3, 0.5, 150)]
    [InlineData(4, 0.0, 200)]
    [InlineData(10, 1.0, 1000)]
    public void DelayBefore_Attempt_GrowsExponentiallyWithJitterUpToMax(int attempt, double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, Policy.DelayBefore(attempt, jitter).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void None_AllowsOneAttempt()
    {
        Assert.Equal(1, KfpRetryPolicy.None.MaxAttempts);
    }
}
