using System.Text;
using Kfp.Kube.Auth;
using Kfp.Kube.Config.Model;

namespace Kfp.Kube.Config;

/// <summary>Turns merged kubeconfig files plus the context override into a <see cref="KubeClientConfig"/>.</summary>
internal sealed class ConfigResolver(KubeconfigSet set, IKubeEnvironment environment, TimeProvider time)
{
    public KubeClientConfig Resolve(KubeConfigOptions options)
    {
        var contextName = options.Context is { Length: > 0 } c ? c : set.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeConfigException($"kubeconfig {set.SourceText} has no current-context. Set current-context in the file (kubectl config use-context NAME) or choose a context with kfp:context. Available contexts: {Available()}.");
        }
        var context = set.Context(contextName)
            ?? throw new KubeConfigException($"context \"{contextName}\" is not defined in contexts[] of kubeconfig {set.SourceText}. {(options.Context is null ? "Fix current-context" : "Fix kfp:context")}; available contexts: {Available()}.");
        if (string.IsNullOrEmpty(context.Cluster))
        {
            throw new KubeConfigException($"context \"{contextName}\" in kubeconfig {set.SourceText} has no cluster: set contexts[name={contextName}].context.cluster.");
        }
        var (cluster, clusterDir) = set.Cluster(context.Cluster)
            ?? throw new KubeConfigException($"context \"{contextName}\" refers to cluster \"{context.Cluster}\", which is not defined in clusters[] of kubeconfig {set.SourceText}. Add the cluster or fix contexts[name={contextName}].context.cluster.");
        var field = $"clusters[name={context.Cluster}].cluster";
        if (string.IsNullOrWhiteSpace(cluster.Server))
        {
            throw new KubeConfigException($"{field}.server is empty in kubeconfig {set.SourceText}: set it to the API server URL, e.g. https://host:6443.");
        }
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            throw new KubeConfigException($"{field}.server \"{cluster.Server}\" in kubeconfig {set.SourceText} is not an http(s) URL: set it to the API server URL, e.g. https://host:6443.");
        }
        var ca = CertificateAuthority(cluster, clusterDir, field);
        if (cluster.InsecureSkipTlsVerify && ca is not null)
        {
            throw new KubeConfigException($"{field} sets both insecure-skip-tls-verify and a certificate authority in kubeconfig {set.SourceText}: specifying a root certificates file with the insecure flag is not allowed. Remove one of them.");
        }
        UserEntry? user = null;
        var userDir = clusterDir;
        if (!string.IsNullOrEmpty(context.User))
        {
            (user, userDir) = set.User(context.User)
                ?? throw new KubeConfigException($"context \"{contextName}\" refers to user \"{context.User}\", which is not defined in users[] of kubeconfig {set.SourceText}. Add the user or fix contexts[name={contextName}].context.user.");
        }
        Uri? proxy = null;
        if (!string.IsNullOrWhiteSpace(cluster.ProxyUrl)
            && (!Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out proxy) || proxy.Scheme is not ("http" or "https" or "socks5")))
        {
            throw new KubeConfigException($"{field}.proxy-url \"{cluster.ProxyUrl}\" in kubeconfig {set.SourceText} is not an http, https or socks5 URL: fix it, e.g. http://proxy.example.com:3128.");
        }
        var clusterInfo = new ExecClusterInfo(server.ToString().TrimEnd('/'), cluster.TlsServerName, cluster.InsecureSkipTlsVerify, ca);
        var auth = new AuthFactory(environment, time, set.SourceText).Create(context.User ?? "", user, userDir, clusterInfo);
        return new KubeClientConfig
        {
            Server = server,
            Namespace = options.Namespace ?? (string.IsNullOrEmpty(context.Namespace) ? options.FallbackNamespace : context.Namespace),
            Auth = auth,
            CertificateAuthorityPem = ca,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            ProxyUrl = proxy,
            ContextName = contextName,
            Source = set.SourceText,
        };
    }

    private string? CertificateAuthority(ClusterEntry cluster, string dir, string field)
    {
        if (!string.IsNullOrWhiteSpace(cluster.CertificateAuthorityData))
        {
            return Base64Pem(cluster.CertificateAuthorityData, $"{field}.certificate-authority-data");
        }
        if (string.IsNullOrWhiteSpace(cluster.CertificateAuthority))
        {
            return null;
        }
        var path = KubeconfigSet.Resolve(cluster.CertificateAuthority, dir, environment.HomeDirectory);
        if (!environment.FileExists(path))
        {
            throw new KubeConfigException($"{field}.certificate-authority file {path} does not exist (kubeconfig {set.SourceText}). Fix the path (relative paths resolve against the kubeconfig's folder) or use certificate-authority-data.");
        }
        return environment.ReadAllText(path);
    }

    public string Base64Pem(string data, string fieldPath)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));
        }
        catch (FormatException)
        {
            throw new KubeConfigException($"{fieldPath} in kubeconfig {set.SourceText} is not valid base64. It must hold the base64 of a PEM file (base64 -w0 < file.pem).");
        }
    }

    private string Available()
    {
        var names = set.ContextNames.ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
