using k8s;
using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>
/// How the generic client reaches one kind through KubernetesClient's typed operations: its apiVersion, kind and
/// plural, and one delegate per verb (the library names every operation after the kind).
/// </summary>
internal sealed record ResourceKind<T>(string ApiVersion, string Kind, string Plural, bool Namespaced)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public required Func<IKubernetes, string, string, CancellationToken, Task<T>> Read { get; init; }

    /// <summary>(client, namespace or null for all, options, token).</summary>
    public required Func<IKubernetes, string?, ListOptions, CancellationToken, Task<(IList<T> Items, V1ListMeta Meta)>> List { get; init; }

    /// <summary>(client, object, namespace, dryRun, fieldManager, token).</summary>
    public required Func<IKubernetes, T, string, string?, string, CancellationToken, Task<T>> Create { get; init; }

    /// <summary>(client, object, namespace, name, dryRun, fieldManager, token).</summary>
    public required Func<IKubernetes, T, string, string, string?, string, CancellationToken, Task<T>> Replace { get; init; }

    /// <summary>(client, patch, namespace, name, dryRun, fieldManager, force, token).</summary>
    public required Func<IKubernetes, V1Patch, string, string, string?, string, bool?, CancellationToken, Task<T>> Patch { get; init; }

    /// <summary>(client, namespace, name, options, token).</summary>
    public required Func<IKubernetes, string, string, V1DeleteOptions, CancellationToken, Task> Delete { get; init; }
}
