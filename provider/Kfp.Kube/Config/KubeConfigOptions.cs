namespace Kfp.Kube.Config;

/// <summary>
/// Where the Kubernetes connection comes from. Without <see cref="Path"/> or <see cref="Content"/> the usual order
/// applies: <c>KUBECONFIG</c> (a merged list), <c>~/.kube/config</c>, then in-cluster service-account config.
/// </summary>
public sealed record KubeConfigOptions
{
    /// <summary>One kubeconfig file; it must exist and is not merged with others.</summary>
    public string? Path { get; init; }

    /// <summary>Inline kubeconfig YAML or JSON; relative paths in it resolve against the current folder.</summary>
    public string? Content { get; init; }

    /// <summary>Context to use instead of <c>current-context</c>.</summary>
    public string? Context { get; init; }

    /// <summary>Namespace to use instead of the context's (or <c>default</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>The namespace when neither <see cref="Namespace"/> nor the context (or pod) names one.</summary>
    public string FallbackNamespace { get; init; } = "default";

    /// <summary>The folder of the in-cluster service-account token, CA and namespace files.</summary>
    public string ServiceAccountDirectory { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Reads a provider setting that holds either a path or inline content (a value with a line break or
    /// starting with <c>{</c> or <c>apiVersion:</c> is content).</summary>
    public static KubeConfigOptions FromPathOrContent(string? value, string? context = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new KubeConfigOptions { Context = context };
        }
        var trimmed = value.TrimStart();
        var isContent = value.Contains('\n', StringComparison.Ordinal) || trimmed.StartsWith('{')
            || trimmed.StartsWith("apiVersion:", StringComparison.Ordinal);
        return isContent ? new KubeConfigOptions { Content = value, Context = context } : new KubeConfigOptions { Path = value, Context = context };
    }
}
