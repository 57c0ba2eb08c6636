using Kfp.Kube.Auth;

namespace Kfp.Kube.Config;

/// <summary>
/// In-cluster configuration: <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c>, the service-account token (re-read as it
/// rotates), its CA, and the namespace from <c>POD_NAMESPACE</c> or the namespace file.
/// </summary>
internal static class InClusterConfig
{
    public static bool IsAvailable(IKubeEnvironment environment) =>
        !string.IsNullOrEmpty(environment.GetVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(environment.GetVariable("KUBERNETES_SERVICE_PORT"));

    public static KubeClientConfig Load(IKubeEnvironment environment, TimeProvider time, KubeConfigOptions options)
    {
        var host = environment.GetVariable("KUBERNETES_SERVICE_HOST")!;
        var port = environment.GetVariable("KUBERNETES_SERVICE_PORT")!;
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = $"[{host}]";
        }
        var dir = options.ServiceAccountDirectory;
        var tokenPath = Path.Combine(dir, "token");
        if (!environment.FileExists(tokenPath))
        {
            throw new KubeConfigException($"in-cluster config: the service-account token {tokenPath} does not exist. Mount a service account token (automountServiceAccountToken) or provide a kubeconfig.");
        }
        var caPath = Path.Combine(dir, "ca.crt");
        var nsPath = Path.Combine(dir, "namespace");
        var ns = environment.GetVariable("POD_NAMESPACE") is { Length: > 0 } podNs ? podNs
            : environment.FileExists(nsPath) ? environment.ReadAllText(nsPath).Trim()
            : "";
        return new KubeClientConfig
        {
            Server = new Uri($"https://{host}:{port}"),
            Namespace = options.Namespace ?? (ns.Length > 0 ? ns : options.FallbackNamespace),
            Auth = new TokenFileAuth(tokenPath, environment),
            CertificateAuthorityPem = environment.FileExists(caPath) ? environment.ReadAllText(caPath) : null,
            Source = "in-cluster",
        };
    }
}
