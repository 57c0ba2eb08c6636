using System.Text.Json.Serialization.Metadata;
using Kfp.Kube.Json;
using Kfp.Kube.Models;

namespace Kfp.Kube.Client;

/// <summary>What the generic client needs to know about a kind: URL plural, scope, JSON contracts, metadata setter.</summary>
internal sealed record ResourceKind<T>(
    string Plural,
    bool Namespaced,
    JsonTypeInfo<T> Json,
    JsonTypeInfo<KubeList<T>> ListJson,
    Func<T, ObjectMeta, T> WithMetadata)
    where T : class, IKubeObject;

/// <summary>The four kinds the provider manages.</summary>
internal static class ResourceKinds
{
    public static ResourceKind<Secret> Secrets { get; } = new("secrets", true,
        KubeJsonContext.Default.Secret, KubeJsonContext.Default.KubeListSecret, (o, m) => o with { Metadata = m });

    public static ResourceKind<ConfigMap> ConfigMaps { get; } = new("configmaps", true,
        KubeJsonContext.Default.ConfigMap, KubeJsonContext.Default.KubeListConfigMap, (o, m) => o with { Metadata = m });

    public static ResourceKind<ServiceAccount> ServiceAccounts { get; } = new("serviceaccounts", true,
        KubeJsonContext.Default.ServiceAccount, KubeJsonContext.Default.KubeListServiceAccount, (o, m) => o with { Metadata = m });

    public static ResourceKind<Namespace> Namespaces { get; } = new("namespaces", false,
        KubeJsonContext.Default.Namespace, KubeJsonContext.Default.KubeListNamespace, (o, m) => o with { Metadata = m });
}
