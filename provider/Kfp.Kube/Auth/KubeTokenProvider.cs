using System.Net.Http.Headers;
using k8s.Authentication;

namespace Kfp.Kube.Auth;

/// <summary>
/// Plugs a <see cref="KubeAuth"/> into KubernetesClient as its token provider, so the library's own credentials step
/// sends our token file's or exec plugin's current token on every request.
/// </summary>
internal sealed class KubeTokenProvider(KubeAuth auth) : ITokenProvider
{
    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        await auth.BearerTokenAsync(cancellationToken) is { } token ? new AuthenticationHeaderValue("Bearer", token) : null!;
}
