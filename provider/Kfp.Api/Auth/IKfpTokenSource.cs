namespace Kfp.Api.Auth;

/// <summary>Supplies the bearer token sent as <c>Authorization: Bearer …</c> on every KFP request.</summary>
public interface IKfpTokenSource
{
    /// <summary>The current token, or null to send no <c>Authorization</c> header.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
