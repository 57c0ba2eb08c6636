namespace Kfp.Kube.Auth;

/// <summary>A validated <c>user.exec</c> section: the resolved command, argv, extra environment and API version.</summary>
public sealed record ExecPluginSpec
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    public required string Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string ApiVersion { get; init; } = V1;

    public bool ProvideClusterInfo { get; init; }

    public string? InstallHint { get; init; }

    /// <summary>The kubeconfig field path for messages, e.g. <c>users[name=dev].user.exec</c>.</summary>
    public string Field { get; init; } = "user.exec";
}
