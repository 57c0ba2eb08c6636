namespace Kfp.Api.Auth;

/// <summary>A fixed bearer token (provider config <c>kfp:token</c>).</summary>
public sealed class StaticTokenSource : IKfpTokenSource
{
    private readonly string _token;

    public StaticTokenSource(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token.Trim();
    }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(_token);
}
