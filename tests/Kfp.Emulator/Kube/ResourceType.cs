namespace Kfp.Emulator.Kube;

/// <summary>One core/v1 resource the emulator serves: its URL plural, kind and scope.</summary>
internal sealed record ResourceType(string Plural, string Singular, string Kind, bool Namespaced, IReadOnlyList<string> ShortNames)
{
    public static readonly ResourceType Secrets = new("secrets", "secret", "Secret", true, []);

    public static readonly ResourceType ConfigMaps = new("configmaps", "configmap", "ConfigMap", true, ["cm"]);

    public static readonly ResourceType ServiceAccounts = new("serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"]);

    public static readonly ResourceType Namespaces = new("namespaces", "namespace", "Namespace", false, ["ns"]);

    /// <summary>Every served resource, in discovery order.</summary>
    public static IReadOnlyList<ResourceType> All { get; } = [ConfigMaps, Namespaces, Secrets, ServiceAccounts];

    public string ListKind => Kind + "List";

    public static ResourceType? ByPlural(string plural) => All.FirstOrDefault(r => r.Plural == plural);

    public static ResourceType? ByKind(string kind) => All.FirstOrDefault(r => r.Kind == kind);
}
