using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using Kfp.Registry;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:ImageRegistry</c>: credentials for one container registry, optionally checked by logging in to its
/// <c>/v2/</c> API, with the matching <c>dockerConfigJson</c>. Nothing is created in the cluster: the ID is the
/// server, and a new server replaces it; other changes update in place.
/// </summary>
public sealed class ImageRegistryResource(Func<IRegistryClient> registryClient) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:ImageRegistry",
        "Credentials for a container registry, for PullSecrets and image digest pinning. With `verify`, deploying logs in to the registry's `/v2/` API and fails on wrong credentials. Creates nothing in the cluster.",
        [
            new("server", PropertyType.String, "Registry host and optional port, e.g. `ghcr.io` or `registry.example.com:5000`.") { Required = true, ReplaceOnChanges = true },
            new("username", PropertyType.String, "User name (or robot account) for the registry."),
            new("password", PropertyType.String, "Password or access token.") { Secret = true },
            new("email", PropertyType.String, "Email written into the dockerconfigjson entry (rarely needed)."),
            new("insecure", PropertyType.Boolean, "Talk to the registry over plain HTTP instead of HTTPS (local and test registries).") { Default = false },
            new("verify", PropertyType.Boolean, "Log in to the registry's `/v2/` API on create and update, and fail when that does not work.") { Default = false },
            Output("dockerConfigJson", PropertyType.String, "The `.dockerconfigjson` content for these credentials.") with { Secret = true },
        ])
    {
        IdProperty = "server",
    };

    private readonly Lazy<IRegistryClient> _registry = new(registryClient, LazyThreadSafetyMode.ExecutionAndPublication);

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(InputReader inputs)
    {
        var server = inputs.RequiredString("server");
        if (server.Length > 0)
        {
            try
            {
                RegistryServer.BaseUri(server, insecure: false);
            }
            catch (FormatException e)
            {
                inputs.Fail("server", e.Message);
            }
        }
        var username = inputs.String("username");
        var password = inputs.String("password");
        if (password is not null && string.IsNullOrEmpty(username) && !inputs.IsUnknown("username"))
        {
            inputs.Fail("username", "is required when a password is set");
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
        if (!inputs.Has("server"))
        {
            inputs = inputs.With("server", PropertyValue.Of(context.Id));
        }
        var outputs = context.OldOutputs.Has("dockerConfigJson") ? context.OldOutputs : Outputs(inputs, Credentials(inputs));
        return Task.FromResult<ReadResult?>(new ReadResult(context.Id, outputs, inputs));
    }

    /// <summary>Nothing to delete: no object exists outside Pulumi's state.</summary>
    public override Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The dockerconfigjson is computed from the inputs, so preview shows it unless an input is unknown.</summary>
    public override PropertyMap PreviewUpdate(UpdateContext context) =>
        context.News.Values.Any(v => v.ContainsUnknowns)
            ? context.News.With("dockerConfigJson", PropertyValue.Unknown)
            : Outputs(context.News, Credentials(context.News));

    private async Task<RegistryCredentials> CheckedCredentialsAsync(PropertyMap inputs, string resourceName, CancellationToken cancellationToken)
    {
        var credentials = Credentials(inputs);
        if (new InputReader(inputs).Boolean("verify") != true)
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

    private static RegistryCredentials Credentials(PropertyMap values)
    {
        var inputs = new InputReader(values);
        return new RegistryCredentials(inputs.RequiredString("server"), inputs.String("username"), inputs.String("password"))
        {
            Email = inputs.String("email"),
            Insecure = inputs.Boolean("insecure") ?? false,
        };
    }

    private static PropertyMap Outputs(PropertyMap inputs, RegistryCredentials credentials) =>
        inputs.With("dockerConfigJson", PropertyValue.Of(DockerConfigJson.Build([credentials])));
}
