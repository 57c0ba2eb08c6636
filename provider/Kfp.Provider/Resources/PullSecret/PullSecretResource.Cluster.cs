using System.Collections.Immutable;
using System.Text;
using Kfp.Kube.Client;
using Kfp.Kube.Http;
using Kfp.Provider.Engine;
using ObjectMeta = k8s.Models.V1ObjectMeta;
using Kfp.Provider.Protocol.Values;
using Kfp.Registry;
using Secret = k8s.Models.V1Secret;

namespace Kfp.Provider.Resources;

internal sealed partial class PullSecretResource
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "pulumi-kfp";

    public override async Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        var secret = await services().Kube.Secrets.FindAsync(ns, name, cancellationToken);
        if (secret is null)
        {
            return null;
        }
        var old = context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs;
        var recordedArgs = Args(old);
        var recorded = PullSecretRegistries.Credentials(recordedArgs.Registries);
        var live = PullSecretRegistries.FromDockerConfigJson(secret.Data?.AsReadOnly().GetValueOrDefault(SecretTypes.DockerConfigJsonKey)) ?? [];
        // Same credentials as recorded: keep the recorded value (its order), so only a real change shows as drift.
        var registries = SameCredentials(recorded, live) ? old.Get("registries") : PullSecretRegistries.ToValue(live);

        var accounts = await services().Kube.ServiceAccounts.ListAsync(ns, null, cancellationToken);
        var referencing = accounts.Items
            .Where(sa => sa.Metadata.Name is not null && sa.ImagePullSecrets?.Any(r => r.Name == name) == true)
            .Select(sa => sa.Metadata.Name!)
            .ToImmutableSortedSet(StringComparer.Ordinal);
        // Only the accounts this resource manages count; an import (no recorded state) adopts every referencing one.
        var attached = old.Count == 0 ? [.. referencing] : (recordedArgs.ServiceAccounts ?? []).Where(referencing.Contains).ToImmutableArray();

        var inputs = Write(new PullSecretArgs { Name = name, Namespace = ns, ServiceAccounts = attached }).With("registries", registries);
        return new ReadResult(context.Id, Write(new PullSecretState { SecretName = name }, inputs), inputs);
    }

    private async Task<ImmutableArray<string>> AttachAsync(
        Desired desired, ImmutableArray<string> accounts, string resourceName, string id, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var attached = ImmutableArray.CreateBuilder<string>();
        foreach (var account in accounts)
        {
            try
            {
                await services().Kube.AddImagePullSecretAsync(desired.Namespace, account, desired.Name, cancellationToken);
                attached.Add(account);
            }
            catch (KubeApiException e)
            {
                var reason = e.IsNotFound
                    ? $"service account {desired.Namespace}/{account} does not exist: create it, or remove it from serviceAccounts of PullSecret '{resourceName}'"
                    : $"adding Secret {id} to service account {desired.Namespace}/{account} failed: {e.Message}";
                var done = attached.ToImmutable();
                // The Secret exists: keep it in state with the accounts done so far; the next update attaches the rest.
                throw new ResourceInitFailedException(id, Outputs(inputs, desired, done), [reason],
                    Write(new PullSecretArgs { ServiceAccounts = done }, inputs));
            }
        }
        return attached.ToImmutable();
    }

    private async Task DetachAsync(string ns, string account, string secretName, CancellationToken cancellationToken) =>
        await services().Kube.RemoveImagePullSecretAsync(ns, account, secretName, cancellationToken);

    private static bool SameCredentials(ImmutableArray<RegistryCredentials> a, ImmutableArray<RegistryCredentials> b) =>
        a.Length == b.Length && Canonical(a).SequenceEqual(Canonical(b));

    private static IEnumerable<(string, string, string, string)> Canonical(ImmutableArray<RegistryCredentials> registries) =>
        registries.Select(r => (r.Server, r.Username ?? "", r.Password ?? "", r.Email ?? "")).OrderBy(r => r.Server, StringComparer.Ordinal);

    /// <summary>What the inputs ask for, with the dockerconfigjson already built.</summary>
    private sealed record Desired(string Name, string Namespace, ImmutableArray<RegistryCredentials> Registries, ImmutableArray<string> ServiceAccounts)
    {
        public static Desired From(PullSecretArgs inputs, string defaultNamespace) => new(
            inputs.Name ?? "",
            inputs.Namespace ?? defaultNamespace,
            PullSecretRegistries.Credentials(inputs.Registries),
            inputs.ServiceAccounts ?? []);

        public Secret ToSecret() => new()
        {
            Metadata = new ObjectMeta
            {
                Name = Name,
                NamespaceProperty = Namespace,
                Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ManagedByLabel] = ManagedBy },
            },
            Type = SecretTypes.DockerConfigJson,
            Data = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
            {
                [SecretTypes.DockerConfigJsonKey] = Encoding.UTF8.GetBytes(Kfp.Registry.DockerConfigJson.Build(Registries)),
            },
        };
    }
}
