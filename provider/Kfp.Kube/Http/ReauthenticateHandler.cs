using System.Net;
using Kfp.Kube.Auth;

namespace Kfp.Kube.Http;

/// <summary>
/// After a 401, asks the credentials to refresh (re-read the token file, re-run the exec plugin) and, when they
/// changed, sends the request once more with the new token. KubernetesClient does neither by itself.
/// </summary>
internal sealed class ReauthenticateHandler(KubeAuth auth) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await auth.RefreshAfterUnauthorizedAsync(cancellationToken))
        {
            return response;
        }
        response.Dispose();
        request.Headers.Authorization = await new KubeTokenProvider(auth).GetAuthenticationHeaderAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
