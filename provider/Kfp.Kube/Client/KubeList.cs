using k8s.Models;

namespace Kfp.Kube.Client;

/// <summary>One page of a list: the items and the list metadata (<c>continue</c>, <c>resourceVersion</c>).</summary>
public sealed record KubeList<T>(IReadOnlyList<T> Items, V1ListMeta Metadata);
