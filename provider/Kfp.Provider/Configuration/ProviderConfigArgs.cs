using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Configuration;

/// <summary>
/// The provider configuration as the user sets it (<c>pulumi config set kfp:&lt;key&gt;</c>, or the inputs of an explicit
/// provider): each key declared once, with its description, secrecy and environment fallback, for the schema's
/// <c>config</c> section, CheckConfig and Configure. <see cref="ConfigParser"/> turns it into a <see cref="ProviderConfig"/>.
/// </summary>
internal sealed record ProviderConfigArgs
{
    public string? Host { get; init; }

    public string? Namespace { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public ImmutableSortedDictionary<string, string>? Headers { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public bool? InsecureSkipTlsVerify { get; init; }

    public string? CaCertificate { get; init; }

    public bool? OfflineDiff { get; init; }

    public ImmutableArray<string>? TrustedFrameworks { get; init; }

    public string? CacheDir { get; init; }

    public bool? FailOnBlindPreview { get; init; }

    public long? RequestTimeoutSeconds { get; init; }

    public long? OperationTimeoutSeconds { get; init; }

    public static RecordShape<ProviderConfigArgs> Shape { get; } = RecordShape<ProviderConfigArgs>.Inputs(() => new())
        .String(ConfigKeys.Host, x => x.Host, (x, v) => x with { Host = v },
            "KFP API base URL, e.g. `https://kubeflow.example.com/pipeline`. Falls back to `KFP_HOST`.")
        .FallingBackTo(ConfigKeys.HostEnv)
        .String(ConfigKeys.Namespace, x => x.Namespace, (x, v) => x with { Namespace = v },
            "KFP profile namespace (multi-user mode) and default Kubernetes namespace. Falls back to `KFP_NAMESPACE`, the kubeconfig context's namespace, then `kubeflow`.",
            rules: Rules.Namespace)
        .FallingBackTo(ConfigKeys.NamespaceEnv)
        .String(ConfigKeys.Token, x => x.Token, (x, v) => x with { Token = v },
            "Bearer token for the KFP API. Falls back to `KFP_TOKEN`.", Prop.Secret)
        .FallingBackTo(ConfigKeys.TokenEnv)
        .String(ConfigKeys.TokenFile, x => x.TokenFile, (x, v) => x with { TokenFile = v },
            "File holding the KFP bearer token, re-read when it changes (a projected service-account token). Falls back to `KF_PIPELINES_SA_TOKEN_PATH`.")
        .FallingBackTo(ConfigKeys.TokenFileEnv)
        .Field(ConfigKinds.Headers, ConfigKeys.Headers, x => x.Headers, (x, v) => x with { Headers = v },
            "Extra HTTP headers for KFP, e.g. a session cookie behind Dex or oauth2-proxy.", Prop.Secret)
        .String(ConfigKeys.Kubeconfig, x => x.Kubeconfig, (x, v) => x with { Kubeconfig = v },
            "Path to a kubeconfig file, or its content. Falls back to `KUBECONFIG`, `~/.kube/config`, then in-cluster configuration.")
        .String(ConfigKeys.Context, x => x.Context, (x, v) => x with { Context = v },
            "The kubeconfig context to use; defaults to its current-context.")
        .Boolean(ConfigKeys.InsecureSkipTlsVerify, x => x.InsecureSkipTlsVerify, (x, v) => x with { InsecureSkipTlsVerify = v },
            "Accept any TLS certificate from the KFP API (test clusters only).")
        .String(ConfigKeys.CaCertificate, x => x.CaCertificate, (x, v) => x with { CaCertificate = v },
            "PEM CA certificate that signs the KFP API's TLS certificate; defaults to the system roots.")
        .Boolean(ConfigKeys.OfflineDiff, x => x.OfflineDiff, (x, v) => x with { OfflineDiff = v },
            "Diff against the recorded state only, never the live cluster.")
        .Field(ConfigKinds.List("a list of framework names, digests or '*', e.g. `pulumi config set --path 'kfp:trustedFrameworks[0]' tfx`"),
            ConfigKeys.TrustedFrameworks, x => x.TrustedFrameworks, (x, v) => x with { TrustedFrameworks = v },
            "Frameworks whose commands may run on this machine (`local` and `container` executors): names (`tfx`, `team-ml/tfx`), digests (`sha256:...`, a Framework's `digest` output), or `*` for all. Frameworks declared by the same program are always allowed.")
        .String(ConfigKeys.CacheDir, x => x.CacheDir, (x, v) => x with { CacheDir = v },
            "Directory of the on-disk compile cache, shared by preview and up. Defaults to `$XDG_CACHE_HOME/pulumi-kfp`, else `~/.cache/pulumi-kfp`.")
        .Boolean(ConfigKeys.FailOnBlindPreview, x => x.FailOnBlindPreview, (x, v) => x with { FailOnBlindPreview = v },
            "Fail a preview (Diff) that cannot read the live cluster instead of warning once and comparing with the recorded state, for pull-request checks that must not pass blind. Falls back to `KFP_FAIL_ON_BLIND_PREVIEW`.")
        .FallingBackTo(ConfigKeys.FailOnBlindPreviewEnv)
        .Integer(ConfigKeys.RequestTimeoutSeconds, x => x.RequestTimeoutSeconds, (x, v) => x with { RequestTimeoutSeconds = v },
            "Time limit of one HTTP request to the KFP API or a container registry, in seconds (1-3600); default 30.", min: 1, max: 3600)
        .Integer(ConfigKeys.OperationTimeoutSeconds, x => x.OperationTimeoutSeconds, (x, v) => x with { OperationTimeoutSeconds = v },
            "Time limit of one operation against the KFP API or a container registry, retries included, in seconds (1-86400); default 120.", min: 1, max: 86400);
}
