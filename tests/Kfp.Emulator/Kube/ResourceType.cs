namespace Kfp.Emulator.Kube;

/// <summary>One resource the emulator serves: its URL plural, kind, scope and API group version.</summary>
internal sealed record ResourceType(string Plural, string Singular, string Kind, bool Namespaced, IReadOnlyList<string> ShortNames, string ApiVersion = "v1")
{
    public static readonly ResourceType Secrets = new("secrets", "secret", "Secret", true, []);

    public static readonly ResourceType ConfigMaps = new("configmaps", "configmap", "ConfigMap", true, ["cm"]);

    public static readonly ResourceType ServiceAccounts = new("serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"]);

    public static readonly ResourceType Namespaces = new("namespaces", "namespace", "Namespace", false, ["ns"]);

    public static readonly ResourceType Pods = new("pods", "pod", "Pod", true, ["po"]);

    public static readonly ResourceType Events = new("events", "event", "Event", true, ["ev"]);

    public static readonly ResourceType Jobs = new("jobs", "job", "Job", true, [], "batch/v1");

    /// <summary>Every served resource, in discovery order.</summary>
    public static IReadOnlyList<ResourceType> All { get; } = [ConfigMaps, Events, Namespaces, Pods, Secrets, ServiceAccounts, Jobs];

    /// <summary>The API group ("" for core/v1, <c>batch</c> for Jobs).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>The resource as errors name it: <c>secrets</c>, <c>jobs.batch</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";

    public static IEnumerable<ResourceType> InGroupVersion(string apiVersion) => All.Where(r => r.ApiVersion == apiVersion);

    public static ResourceType? ByPlural(string plural) => All.FirstOrDefault(r => r.Plural == plural);

    public static ResourceType? ByKind(string kind) => All.FirstOrDefault(r => r.Kind == kind);
}
