using System.Collections.Immutable;

namespace Kfp.Provider.Configuration;

/// <summary>The provider's configuration after Configure: every key of <see cref="ProviderConfigArgs"/> with its fallback and default applied.</summary>
internal sealed record ProviderConfig
{
    public Uri? Host { get; init; }

    /// <summary>The KFP profile namespace (multi-user) and default Kubernetes namespace; null means undecided
    /// (the kubeconfig context's namespace or <c>kubeflow</c> is used).</summary>
    public string? Namespace { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public ImmutableSortedDictionary<string, string> Headers { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? CaCertificate { get; init; }

    public bool OfflineDiff { get; init; }

    /// <summary>Frameworks whose commands may run on this machine: names (<c>tfx</c>, <c>team-ml/tfx</c>), digests, or <c>*</c>.</summary>
    public ImmutableArray<string> TrustedFrameworks { get; init; } = [];

    /// <summary>The on-disk compile cache; null: <c>$XDG_CACHE_HOME/pulumi-kfp</c>, else <c>~/.cache/pulumi-kfp</c>.</summary>
    public string? CacheDir { get; init; }

    /// <summary>A Diff that cannot read the live cluster fails instead of warning (<c>kfp:failOnBlindPreview</c>).</summary>
    public bool FailOnBlindPreview { get; init; }

    /// <summary>Time limit of one HTTP request to KFP or a registry; null keeps the client's default.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>Time limit of one operation (retries included) against KFP or a registry; null keeps the client's default.</summary>
    public TimeSpan? OperationTimeout { get; init; }

    /// <summary>The namespace when nothing else decides it.</summary>
    public const string DefaultNamespace = "kubeflow";

    /// <summary>Never prints the token or header values.</summary>
    public override string ToString() =>
        $"ProviderConfig {{ Host = {Host}, Namespace = {Namespace}, Token = {(Token is null ? "none" : "[secret]")}, Headers = [{string.Join(", ", Headers.Keys)}], OfflineDiff = {OfflineDiff}, FailOnBlindPreview = {FailOnBlindPreview} }}";
}
