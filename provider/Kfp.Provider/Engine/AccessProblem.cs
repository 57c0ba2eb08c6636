using Kfp.Api;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Registry;

namespace Kfp.Provider.Engine;

/// <summary>
/// A failure that is not a problem of any resource's inputs: the provider could not reach or use an API (no answer,
/// a server that is not the API, TLS, credentials refused, access denied). <see cref="Api"/> names the API and its
/// address, <see cref="Keys"/> the configuration keys that fix it.
/// </summary>
internal sealed record AccessProblem(string Api, string Keys, string Reason)
{
    /// <summary>The access problem <paramref name="e"/> is, or null when it is something else (a resource's own failure).</summary>
    public static AccessProblem? Of(Exception e, Uri? kfpHost) => Of(e, kfpHost is null ? "the KFP API" : $"the KFP API at {kfpHost}");

    private static AccessProblem? Of(Exception e, string kfp) => e switch
    {
        KfpApiException k when k.IsAuthError => new(kfp, "kfp:token, kfp:tokenFile or kfp:headers", k.Message),
        KfpApiException k when k.IsConfigurationError => new(kfp, "kfp:host, kfp:caCertificate or kfp:insecureSkipTlsVerify", k.Message),
        KfpApiException k when k.Kind is KfpErrorKind.Network or KfpErrorKind.Timeout => new(kfp, "kfp:host", k.Message),
        KubeAuthenticationException or KubeAuthorizationException or KubeConnectionException or KubeUnexpectedResponseException =>
            new("the Kubernetes API", "kfp:kubeconfig or kfp:context", e.Message),
        KubeConfigException => new("the Kubernetes API", "kfp:kubeconfig or kfp:context", e.Message),
        NotARegistryException or RegistryAuthenticationException or RegistryUnreachableException =>
            new("a container registry", "the ImageRegistry's server, username and password", e.Message),
        _ => null,
    };

    /// <summary>Said after the reason: this is about access, not about the resource's properties.</summary>
    public string Advice => $"This is a problem of access to {Api}, not of the resource's properties: fix {Keys}.";
}
