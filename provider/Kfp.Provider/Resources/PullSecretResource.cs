using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kfp.Kube.Http;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Registry;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:PullSecret</c>: a <c>kubernetes.io/dockerconfigjson</c> Secret holding registry credentials, added to
/// service accounts' <c>imagePullSecrets</c> next to their other entries. Credentials and service accounts update in
/// place; a new name or namespace replaces it. Drift: the Secret deleted by hand reads as gone; an entry removed
/// from a service account shows on <c>serviceAccounts</c> and the update adds it back.
/// </summary>
public sealed partial class PullSecretResource(Func<ProviderServices> services) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:PullSecret",
        "An image pull secret (`kubernetes.io/dockerconfigjson`) attached to service accounts such as `pipeline-runner` and `default-editor`, so pipeline pods can pull from private registries. Only its own `imagePullSecrets` entry is ever added or removed.",
        [
            new("name", PropertyType.String, "Secret name (a lowercase DNS-1123 subdomain). Autonamed from the resource name when omitted.") { ReplaceOnChanges = true },
            new("namespace", PropertyType.String, "Kubernetes namespace of the Secret and the service accounts; defaults to the provider's namespace.") { ReplaceOnChanges = true },
            new("registries", PropertyType.ObjectList, "Registry credentials: ImageRegistry outputs or inline `{server, username, password, email}` objects.") { Required = true, Secret = true, TracksDrift = true, ObjectType = PullSecretRegistries.Token },
            new("serviceAccounts", PropertyType.StringList, "Service accounts (in the namespace) whose `imagePullSecrets` get this secret, e.g. `pipeline-runner`.") { TracksDrift = true },
            Output("secretName", PropertyType.String, "The name of the Secret."),
        ])
    {
        AutoNamed = true,
        IdProperty = "secretName",
    };

    public override ResourceDefinition Definition => Spec;

    /// <summary>Autonames from a DNS-safe form of the resource name (Pulumi names may have capitals or '_').</summary>
    public override Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.News.Has("name") || context.Olds.Has("name"))
        {
            return base.CheckAsync(context, cancellationToken);
        }
        var name = Autonamer.Name(DnsSafe(context.Resource.Name), context.RandomSeed.Span);
        return base.CheckAsync(context with { News = context.News.With("name", PropertyValue.Of(name)) }, cancellationToken);
    }

    protected override void Validate(InputReader inputs)
    {
        var name = inputs.RequiredString("name");
        if (name.Length > 0 && !NamePattern().IsMatch(name))
        {
            inputs.Fail("name", $"'{name}' is not a valid Secret name: use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
        var registries = PullSecretRegistries.Read(inputs, "registries");
        if (registries.IsEmpty && !inputs.HasUnknowns && !inputs.Failures.Any(f => f.Property.StartsWith("registries", StringComparison.Ordinal)))
        {
            inputs.Fail("registries", "must list at least one registry, e.g. [{server: ghcr.io, username: ..., password: ...}]");
        }
        var accounts = inputs.StringList("serviceAccounts");
        foreach (var duplicate in accounts.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            inputs.Fail("serviceAccounts", $"'{duplicate.Key}' is listed twice");
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var desired = Desired.From(context.Inputs, services().KubeNamespace);
        var id = $"{desired.Namespace}/{desired.Name}";
        try
        {
            await services().Kube.Secrets.CreateAsync(desired.ToSecret(), null, cancellationToken);
        }
        catch (KubeApiException e) when (e.IsAlreadyExists)
        {
            throw new ResourceException(
                $"Secret {id} already exists: choose another name for PullSecret '{context.Resource.Name}', or adopt it with " +
                $"`pulumi import kfp:index:PullSecret {context.Resource.Name} {id}`");
        }
        var attached = await AttachAsync(desired, desired.ServiceAccounts, context.Resource.Name, id, context.Inputs, cancellationToken);
        return new CreateResult(id, Outputs(context.Inputs, desired, attached));
    }

    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var desired = Desired.From(context.News, services().KubeNamespace);
        var before = new InputReader(context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs).StringList("serviceAccounts");
        await services().Kube.Secrets.ApplyAsync(desired.ToSecret(), new Kfp.Kube.Client.ApplyOptions { Force = true }, cancellationToken);
        foreach (var account in before.Where(a => !desired.ServiceAccounts.Contains(a)))
        {
            await DetachAsync(desired.Namespace, account, desired.Name, cancellationToken);
        }
        // Every wanted account, not only new ones: an entry removed by hand (drift) is added back.
        var attached = await AttachAsync(desired, desired.ServiceAccounts, context.Resource.Name, context.Id, context.News, cancellationToken);
        return Outputs(context.News, desired, attached);
    }

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        var (ns, name) = SplitId(context.Id);
        var recorded = new InputReader(context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs).StringList("serviceAccounts");
        foreach (var account in recorded)
        {
            await DetachAsync(ns, account, name, cancellationToken);
        }
        await services().Kube.Secrets.DeleteAsync(ns, name, null, cancellationToken);
    }

    private static PropertyMap Outputs(PropertyMap inputs, Desired desired, ImmutableArray<string> attached) => inputs
        .With("namespace", PropertyValue.Of(desired.Namespace))
        .With("serviceAccounts", PropertyValue.Of(attached.Select(PropertyValue.Of)))
        .With("secretName", PropertyValue.Of(desired.Name));

    private static (string Namespace, string Name) SplitId(string id) =>
        id.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? (ns, name)
            : throw new ResourceException($"'{id}' is not a PullSecret ID; it has the form <namespace>/<secret-name>");

    private static string DnsSafe(string resourceName)
    {
        var lower = InvalidNameChars().Replace(resourceName.ToLowerInvariant(), "-").Trim('-', '.');
        return lower.Length == 0 ? "pull-secret" : lower[..Math.Min(lower.Length, 240)];
    }

    [GeneratedRegex("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex InvalidNameChars();
}
