namespace Kfp.Registry;

/// <summary>The registry calls the provider makes: a login check and tag → digest resolution.</summary>
public interface IRegistryClient
{
    /// <summary>Logs in to the registry's <c>/v2/</c> API as <paramref name="credentials"/> say.</summary>
    /// <exception cref="RegistryAuthenticationException">Wrong username or password, or credentials needed.</exception>
    /// <exception cref="RegistryUnreachableException">No HTTP answer.</exception>
    /// <exception cref="NotARegistryException">The address does not serve a registry API.</exception>
    Task VerifyLoginAsync(RegistryCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>The digest (<c>sha256:…</c>) the image's tag points at; a reference with a digest is returned as is.</summary>
    /// <param name="credentials">Credentials for the image's registry; null pulls anonymously over https.</param>
    /// <exception cref="ManifestNotFoundException">No such repository, tag or digest.</exception>
    Task<string> ResolveDigestAsync(ImageReference image, RegistryCredentials? credentials = null, CancellationToken cancellationToken = default);
}
