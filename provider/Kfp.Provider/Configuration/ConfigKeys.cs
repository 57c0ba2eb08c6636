namespace Kfp.Provider.Configuration;

/// <summary>
/// The names of the provider configuration keys (<c>pulumi config set kfp:&lt;key&gt;</c>) and of their environment
/// variables, for messages and checks; each key is declared, with its description and fallback, in <see cref="ProviderConfigArgs"/>.
/// </summary>
internal static class ConfigKeys
{
    public const string Host = "host";
    public const string Namespace = "namespace";
    public const string Token = "token";
    public const string TokenFile = "tokenFile";
    public const string Headers = "headers";
    public const string Kubeconfig = "kubeconfig";
    public const string Context = "context";
    public const string InsecureSkipTlsVerify = "insecureSkipTlsVerify";
    public const string CaCertificate = "caCertificate";
    public const string OfflineDiff = "offlineDiff";
    public const string TrustedFrameworks = "trustedFrameworks";
    public const string CacheDir = "cacheDir";
    public const string FailOnBlindPreview = "failOnBlindPreview";
    public const string RequestTimeoutSeconds = "requestTimeoutSeconds";
    public const string OperationTimeoutSeconds = "operationTimeoutSeconds";

    public const string HostEnv = "KFP_HOST";
    public const string NamespaceEnv = "KFP_NAMESPACE";
    public const string TokenEnv = "KFP_TOKEN";
    public const string TokenFileEnv = "KF_PIPELINES_SA_TOKEN_PATH";
    public const string KubeconfigEnv = "KUBECONFIG";
    public const string FailOnBlindPreviewEnv = "KFP_FAIL_ON_BLIND_PREVIEW";
}
