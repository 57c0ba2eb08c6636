namespace Kfp.Kube.Auth;

/// <summary>What the plugin is told: whether it may prompt, and optionally the cluster.</summary>
internal sealed record ExecCredentialSpec(bool Interactive, ExecCredentialCluster? Cluster);
