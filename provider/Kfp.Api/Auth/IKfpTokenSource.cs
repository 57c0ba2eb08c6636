namespace Kfp.Api.Auth;

/// <summary>Supplies the bearer token sent as <c>Authorization: Bearer …</c> on every KFP request.</summary>
public interface IKfpTokenSource
{
    /// <summary>The current token, or null to send no <c>Authorization</c> header.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// After KFP answered 401: drops what is cached and fetches the token again; true when it changed, so the request
    /// is sent once more with it. A fixed token never changes.
    /// </summary>
    ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
