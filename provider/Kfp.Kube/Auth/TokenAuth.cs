namespace Kfp.Kube.Auth;

/// <summary>A static bearer token (<c>users[].user.token</c>).</summary>
public sealed class TokenAuth : KubeAuth
{
    private readonly string _token;

    public TokenAuth(string token) => _token = token;

    public override string Description => "bearer token";

    internal string Token => _token;

    internal override ValueTask<string?> BearerTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(_token);
}
