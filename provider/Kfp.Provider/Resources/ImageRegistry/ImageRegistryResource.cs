using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Registry;
using Kfp.Provider.Engine.Binding;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:ImageRegistry</c>: credentials for one container registry, optionally checked by logging in to its
/// <c>/v2/</c> API, with the matching <c>dockerConfigJson</c>. Nothing is created in the cluster: the ID is the
/// server, and a new server replaces it; other changes update in place.
/// </summary>
internal sealed class ImageRegistryResource(Func<IRegistryClient> registryClient)
    : Resource<ImageRegistryArgs, ImageRegistryState>(ImageRegistryArgs.Shape, ImageRegistryState.Shape)
{
    public static readonly ResourceDefinition Spec = Define(
        "kfp:index:ImageRegistry",
        "Credentials for a container registry, for PullSecrets and image digest pinning. With `verify`, deploying logs in to the registry's `/v2/` API and fails on wrong credentials. Creates nothing in the cluster.",
        ImageRegistryArgs.Shape, ImageRegistryState.Shape, idProperty: "server");

    private readonly Lazy<IRegistryClient> _registry = new(registryClient, LazyThreadSafetyMode.ExecutionAndPublication);

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(ImageRegistryArgs inputs, Binder binder)
    {
        if (inputs.Password is not null && string.IsNullOrEmpty(inputs.Username) && !binder.IsUnknown("username"))
        {
            binder.Fail("username", "is required when a password is set");
        }
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var credentials = await CheckedCredentialsAsync(context.Inputs, context.Resource.Name, cancellationToken);
        return new CreateResult(credentials.Server, Outputs(context.Inputs, credentials));
    }

    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var credentials = await CheckedCredentialsAsync(context.News, context.Resource.Name, cancellationToken);
        return Outputs(context.News, credentials);
    }

    /// <summary>
    /// There is nothing live to read: a registry login is not an object anywhere (and logging in on every refresh
    /// would be slow and could lock accounts). Read returns the recorded state; an import of a bare ID gets the server.
    /// </summary>
    public override Task<ReadResult?> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var inputs = context.OldInputs.Count > 0 ? context.OldInputs : Differ.InputsFrom(Spec, context.OldOutputs);
        if (Args(inputs).Server is null)
        {
            inputs = Write(new ImageRegistryArgs { Server = context.Id }, inputs);
        }
        var outputs = State(context.OldOutputs).DockerConfigJson is not null ? context.OldOutputs : Outputs(inputs, Credentials(inputs));
        return Task.FromResult<ReadResult?>(new ReadResult(context.Id, outputs, inputs));
    }

    /// <summary>Nothing to delete: no object exists outside Pulumi's state.</summary>
    public override Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The dockerconfigjson is computed from the inputs, so preview shows it unless an input is unknown.</summary>
    public override PropertyMap PreviewUpdate(UpdateContext context) =>
        context.News.Values.Any(v => v.ContainsUnknowns)
            ? Outputs(context.News, null)
            : Outputs(context.News, Credentials(context.News));

    private async Task<RegistryCredentials> CheckedCredentialsAsync(PropertyMap inputs, string resourceName, CancellationToken cancellationToken)
    {
        var credentials = Credentials(inputs);
        if (Args(inputs).Verify != true)
        {
            return credentials;
        }
        try
        {
            await _registry.Value.VerifyLoginAsync(credentials, cancellationToken);
        }
        catch (RegistryException e)
        {
            throw new ResourceException(
                $"ImageRegistry '{resourceName}' could not log in to registry {credentials.Server}: {e.Message}. " +
                "Fix the credentials (or `insecure` for a plain-HTTP registry), or set `verify: false` to skip the check.");
        }
        return credentials;
    }

    private RegistryCredentials Credentials(PropertyMap values) => Args(values).ToCredentials();

    /// <summary>The outputs: the inputs and the dockerconfigjson (unknown in preview while credentials are not known).</summary>
    private PropertyMap Outputs(PropertyMap inputs, RegistryCredentials? credentials) => credentials is null
        ? inputs.With("dockerConfigJson", PropertyValue.Unknown)
        : Write(new ImageRegistryState { DockerConfigJson = DockerConfigJson.Build([credentials]) }, inputs);
}
