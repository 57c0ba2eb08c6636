namespace Kfp.Kube.Models;

/// <summary>core/v1 LocalObjectReference: a name in the same namespace.</summary>
public sealed record LocalObjectReference(string Name);
