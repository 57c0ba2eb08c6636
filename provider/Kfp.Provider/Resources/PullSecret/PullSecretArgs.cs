using System.Collections.Immutable;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>The inputs of <c>kfp:index:PullSecret</c>.</summary>
internal sealed record PullSecretArgs
{
    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public ImmutableArray<RegistryCredential>? Registries { get; init; }

    public ImmutableArray<string>? ServiceAccounts { get; init; }

    public static RecordShape<PullSecretArgs> Shape { get; } = RecordShape<PullSecretArgs>.Inputs(() => new())
        .String("name", x => x.Name, (x, v) => x with { Name = v },
            "Secret name (a lowercase DNS-1123 subdomain). Autonamed from the resource name when omitted.", Prop.Replace,
            [Rules.NotEmpty, Rules.DnsSubdomain("Secret name")])
        .String("namespace", x => x.Namespace, (x, v) => x with { Namespace = v },
            "Kubernetes namespace of the Secret and the service accounts; defaults to the provider's namespace.", Prop.Replace, Rules.Namespace)
        .Objects("registries", x => x.Registries, (x, v) => x with { Registries = v },
            "Registry credentials: ImageRegistry outputs or inline `{server, username, password, email}` objects.",
            RegistryCredential.Shape, RegistryCredential.Token, Prop.Required | Prop.Secret | Prop.Drift)
        .StringList("serviceAccounts", x => x.ServiceAccounts, (x, v) => x with { ServiceAccounts = v },
            "Service accounts (in the namespace) whose `imagePullSecrets` get this secret, e.g. `pipeline-runner`.", Prop.Drift,
            [Rules.NotEmpty, Rules.DnsSubdomain("service account name")]);
}
