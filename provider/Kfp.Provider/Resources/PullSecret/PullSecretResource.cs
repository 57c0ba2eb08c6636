using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kfp.Kube.Http;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Registry;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:PullSecret</c>: a <c>kubernetes.io/dockerconfigjson</c> Secret holding registry credentials, added to
/// service accounts' <c>imagePullSecrets</c> next to their other entries. Credentials and service accounts update in
/// place; a new name or namespace replaces it. Drift: the Secret deleted by hand reads as gone; an entry removed
/// from a service account shows on <c>serviceAccounts</c> and the update adds it back.
/// </summary>
internal sealed partial class PullSecretResource(Func<ProviderServices> services)
    : Resource<PullSecretArgs, PullSecretState>(PullSecretArgs.Shape, PullSecretState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:PullSecret",
        "An image pull secret (`kubernetes.io/dockerconfigjson`) attached to service accounts such as `pipeline-runner` and `default-editor`, so pipeline pods can pull from private registries. Only its own `imagePullSecrets` entry is ever added or removed.",
        PullSecretArgs.Shape, PullSecretState.Shape, idProperty: "secretName", autoNamed: true);

    public override ResourceDefinition Definition => Spec;

    /// <summary>The Secret is named by the <c>name</c> input, so preview knows <c>secretName</c> once the name is known.</summary>
    public override PropertyMap PreviewCreate(PropertyMap inputs) =>
        inputs.Get("name").Plain is StringValue name ? base.PreviewCreate(inputs).With("secretName", name) : base.PreviewCreate(inputs);

    /// <summary>Autonames from a DNS-safe form of the resource name (Pulumi names may have capitals or '_').</summary>
    public override Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.News.Has("name") || context.Olds.Has("name"))
        {
            return base.CheckAsync(context, cancellationToken);
        }
        var name = Autonamer.Name(DnsSafe(context.Resource.Name), context.RandomSeed.Span);
        return base.CheckAsync(context with { News = Write(new PullSecretArgs { Name = name }, context.News) }, cancellationToken);
    }

    protected override void Validate(PullSecretArgs inputs, Binder binder)
    {
        PullSecretRegistries.CheckServers(inputs.Registries, "registries", binder);
        if (inputs.Registries is { IsEmpty: true } && !binder.IsUnknown("registries") && !binder.HasFailed("registries"))
        {
            binder.Fail("registries", "must list at least one registry, e.g. [{server: ghcr.io, username: ..., password: ...}]");
        }
        foreach (var duplicate in (inputs.ServiceAccounts ?? []).GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            binder.Fail("serviceAccounts", $"'{duplicate.Key}' is listed twice");
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var desired = Desired.From(Args(context.Inputs), services().KubeNamespace);
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
        var desired = Desired.From(Args(context.News), services().KubeNamespace);
        var before = Args(context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs).ServiceAccounts ?? [];
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
        var recorded = Args(context.OldInputs.Count > 0 ? context.OldInputs : context.OldOutputs).ServiceAccounts ?? [];
        foreach (var account in recorded)
        {
            await DetachAsync(ns, account, name, cancellationToken);
        }
        await services().Kube.Secrets.DeleteAsync(ns, name, null, cancellationToken);
    }

    private PropertyMap Outputs(PropertyMap inputs, Desired desired, ImmutableArray<string> attached) =>
        Write(new PullSecretState { Namespace = desired.Namespace, ServiceAccounts = attached, SecretName = desired.Name }, inputs);

    private static (string Namespace, string Name) SplitId(string id) =>
        id.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? (ns, name)
            : throw new ResourceException($"'{id}' is not a PullSecret ID; it has the form <namespace>/<secret-name>");

    private static string DnsSafe(string resourceName)
    {
        var lower = InvalidNameChars().Replace(resourceName.ToLowerInvariant(), "-").Trim('-', '.');
        return lower.Length == 0 ? "pull-secret" : lower[..Math.Min(lower.Length, 240)];
    }

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex InvalidNameChars();
}
