using System.Collections.Immutable;
using Kfp.Provider.Engine;

namespace Kfp.Provider.Configuration;

/// <summary>The provider configuration as the schema declares it.</summary>
internal static class ConfigSpecs
{
    public static readonly ImmutableArray<PropertySpec> All =
    [
        new(ConfigKeys.Host, PropertyType.String, "KFP API base URL, e.g. `https://kubeflow.example.com/pipeline`. Falls back to `KFP_HOST`."),
        new(ConfigKeys.Namespace, PropertyType.String, "KFP profile namespace (multi-user mode) and default Kubernetes namespace. Falls back to `KFP_NAMESPACE`, the kubeconfig context's namespace, then `kubeflow`."),
        new(ConfigKeys.Token, PropertyType.String, "Bearer token for the KFP API. Falls back to `KFP_TOKEN`.") { Secret = true },
        new(ConfigKeys.TokenFile, PropertyType.String, "File holding the KFP bearer token, re-read when it changes (a projected service-account token). Falls back to `KF_PIPELINES_SA_TOKEN_PATH`."),
        new(ConfigKeys.Headers, PropertyType.StringMap, "Extra HTTP headers for KFP, e.g. a session cookie behind Dex or oauth2-proxy.") { Secret = true },
        new(ConfigKeys.Kubeconfig, PropertyType.String, "Path to a kubeconfig file, or its content. Falls back to `KUBECONFIG`, `~/.kube/config`, then in-cluster configuration."),
        new(ConfigKeys.Context, PropertyType.String, "The kubeconfig context to use; defaults to its current-context."),
        new(ConfigKeys.InsecureSkipTlsVerify, PropertyType.Boolean, "Accept any TLS certificate from the KFP API (test clusters only)."),
        new(ConfigKeys.CaCertificate, PropertyType.String, "PEM CA certificate that signs the KFP API's TLS certificate; defaults to the system roots."),
        new(ConfigKeys.OfflineDiff, PropertyType.Boolean, "Diff against the recorded state only, never the live cluster."),
        new(ConfigKeys.TrustedFrameworks, PropertyType.StringList, "Frameworks whose commands may run on this machine (`local` and `container` executors): names (`tfx`, `team-ml/tfx`), digests (`sha256:...`, a Framework's `digest` output), or `*` for all. Frameworks declared by the same program are always allowed."),
        new(ConfigKeys.CacheDir, PropertyType.String, "Directory of the on-disk compile cache, shared by preview and up. Defaults to `$XDG_CACHE_HOME/pulumi-kfp`, else `~/.cache/pulumi-kfp`."),
        new(ConfigKeys.FailOnBlindPreview, PropertyType.Boolean, "Fail a preview (Diff) that cannot read the live cluster instead of warning once and comparing with the recorded state, for pull-request checks that must not pass blind. Falls back to `KFP_FAIL_ON_BLIND_PREVIEW`."),
        new(ConfigKeys.RequestTimeoutSeconds, PropertyType.Integer, "Time limit of one HTTP request to the KFP API or a container registry, in seconds (1-3600); default 30."),
        new(ConfigKeys.OperationTimeoutSeconds, PropertyType.Integer, "Time limit of one operation against the KFP API or a container registry, retries included, in seconds (1-86400); default 120."),
    ];
}
