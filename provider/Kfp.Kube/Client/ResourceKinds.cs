using k8s;
using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>The kinds the provider uses, each wired to KubernetesClient's operations.</summary>
internal static class ResourceKinds
{
    public static ResourceKind<V1Secret> Secrets { get; } = new("v1", "Secret", "secrets", true)
    {
        Read = (k, ns, name, ct) => k.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct),
        List = async (k, ns, o, ct) =>
        {
            var list = ns is null
                ? await k.CoreV1.ListSecretForAllNamespacesAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                : await k.CoreV1.ListNamespacedSecretAsync(ns, continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, ns, dryRun, manager, ct) => k.CoreV1.CreateNamespacedSecretAsync(obj, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, ns, name, dryRun, manager, ct) => k.CoreV1.ReplaceNamespacedSecretAsync(obj, name, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, ns, name, dryRun, manager, force, ct) => k.CoreV1.PatchNamespacedSecretAsync(patch, name, ns, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, ns, name, options, ct) => k.CoreV1.DeleteNamespacedSecretAsync(name, ns, options, cancellationToken: ct),
    };

    public static ResourceKind<V1ConfigMap> ConfigMaps { get; } = new("v1", "ConfigMap", "configmaps", true)
    {
        Read = (k, ns, name, ct) => k.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: ct),
        List = async (k, ns, o, ct) =>
        {
            var list = ns is null
                ? await k.CoreV1.ListConfigMapForAllNamespacesAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                : await k.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, ns, dryRun, manager, ct) => k.CoreV1.CreateNamespacedConfigMapAsync(obj, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, ns, name, dryRun, manager, ct) => k.CoreV1.ReplaceNamespacedConfigMapAsync(obj, name, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, ns, name, dryRun, manager, force, ct) => k.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, ns, name, options, ct) => k.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, options, cancellationToken: ct),
    };

    public static ResourceKind<V1ServiceAccount> ServiceAccounts { get; } = new("v1", "ServiceAccount", "serviceaccounts", true)
    {
        Read = (k, ns, name, ct) => k.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: ct),
        List = async (k, ns, o, ct) =>
        {
            var list = ns is null
                ? await k.CoreV1.ListServiceAccountForAllNamespacesAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                : await k.CoreV1.ListNamespacedServiceAccountAsync(ns, continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, ns, dryRun, manager, ct) => k.CoreV1.CreateNamespacedServiceAccountAsync(obj, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, ns, name, dryRun, manager, ct) => k.CoreV1.ReplaceNamespacedServiceAccountAsync(obj, name, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, ns, name, dryRun, manager, force, ct) => k.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, ns, name, options, ct) => k.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, options, cancellationToken: ct),
    };

    public static ResourceKind<V1Namespace> Namespaces { get; } = new("v1", "Namespace", "namespaces", false)
    {
        Read = (k, _, name, ct) => k.CoreV1.ReadNamespaceAsync(name, cancellationToken: ct),
        List = async (k, _, o, ct) =>
        {
            var list = await k.CoreV1.ListNamespaceAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, _, dryRun, manager, ct) => k.CoreV1.CreateNamespaceAsync(obj, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, _, name, dryRun, manager, ct) => k.CoreV1.ReplaceNamespaceAsync(obj, name, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, _, name, dryRun, manager, force, ct) => k.CoreV1.PatchNamespaceAsync(patch, name, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, _, name, options, ct) => k.CoreV1.DeleteNamespaceAsync(name, options, cancellationToken: ct),
    };

    public static ResourceKind<V1Pod> Pods { get; } = new("v1", "Pod", "pods", true)
    {
        Read = (k, ns, name, ct) => k.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: ct),
        List = async (k, ns, o, ct) =>
        {
            var list = ns is null
                ? await k.CoreV1.ListPodForAllNamespacesAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                : await k.CoreV1.ListNamespacedPodAsync(ns, continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, ns, dryRun, manager, ct) => k.CoreV1.CreateNamespacedPodAsync(obj, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, ns, name, dryRun, manager, ct) => k.CoreV1.ReplaceNamespacedPodAsync(obj, name, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, ns, name, dryRun, manager, force, ct) => k.CoreV1.PatchNamespacedPodAsync(patch, name, ns, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, ns, name, options, ct) => k.CoreV1.DeleteNamespacedPodAsync(name, ns, options, cancellationToken: ct),
    };

    public static ResourceKind<V1Job> Jobs { get; } = new("batch/v1", "Job", "jobs", true)
    {
        Read = (k, ns, name, ct) => k.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: ct),
        List = async (k, ns, o, ct) =>
        {
            var list = ns is null
                ? await k.BatchV1.ListJobForAllNamespacesAsync(continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct)
                : await k.BatchV1.ListNamespacedJobAsync(ns, continueParameter: o.Continue, fieldSelector: o.FieldSelector, labelSelector: o.LabelSelector, limit: o.Limit, cancellationToken: ct);
            return (list.Items, list.Metadata);
        },
        Create = (k, obj, ns, dryRun, manager, ct) => k.BatchV1.CreateNamespacedJobAsync(obj, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Replace = (k, obj, ns, name, dryRun, manager, ct) => k.BatchV1.ReplaceNamespacedJobAsync(obj, name, ns, dryRun: dryRun, fieldManager: manager, cancellationToken: ct),
        Patch = (k, patch, ns, name, dryRun, manager, force, ct) => k.BatchV1.PatchNamespacedJobAsync(patch, name, ns, dryRun: dryRun, fieldManager: manager, force: force, cancellationToken: ct),
        Delete = (k, ns, name, options, ct) => k.BatchV1.DeleteNamespacedJobAsync(name, ns, options, cancellationToken: ct),
    };
}
