using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The state of <c>kfp:index:PullSecret</c>: the Secret and the service accounts it is attached to.</summary>
internal sealed record PullSecretState
{
    public string? Namespace { get; init; }

    public ImmutableArray<string>? ServiceAccounts { get; init; }

    public string? SecretName { get; init; }

    public static RecordShape<PullSecretState> Shape { get; } = RecordShape<PullSecretState>.Outputs(() => new())
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v }, "")
        .StringList("serviceAccounts", x => x.ServiceAccounts, (x, v) => x with { ServiceAccounts = v }, "")
        .String("secretName", x => x.SecretName, (x, v) => x with { SecretName = v }, "The name of the Secret.");
}
