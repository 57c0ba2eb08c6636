using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// A Pulumi resource provider as the engine sees it, in domain terms: property maps in (secrets and unknowns
/// still marked), property maps out. The wire layer (Protocol/Grpc) turns each RPC into one of these calls and
/// the answer back into protobuf; nothing here knows gRPC. Failures are <see cref="ProviderException"/>s;
/// cancellation (the Cancel RPC, a dropped call, the engine's deadline) arrives through the token.
/// </summary>
internal interface IProvider
{
    /// <summary>The plugin version (GetPluginInfo).</summary>
    string Version { get; }

    /// <summary>The package schema as JSON (GetSchema).</summary>
    string Schema { get; }

    /// <summary>Validates provider configuration; the returned inputs carry secret keys marked.</summary>
    CheckResult CheckConfig(PropertyMap olds, PropertyMap news);

    /// <summary>Which configuration keys changed (older engines send no old inputs: then the old outputs count).</summary>
    DiffResult DiffConfig(PropertyMap olds, PropertyMap oldInputs, PropertyMap news);

    /// <summary>Applies the configuration; invalid configuration is a <see cref="ProviderException"/>.</summary>
    void Configure(PropertyMap args);

    Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken);

    Task<CheckResult> CheckAsync(ResourceCheck request, CancellationToken cancellationToken);

    Task<DiffResult> DiffAsync(ResourceDiff request, CancellationToken cancellationToken);

    Task<CreateResult> CreateAsync(ResourceCreate request, CancellationToken cancellationToken);

    /// <summary>The live object, or null when it no longer exists.</summary>
    Task<ReadResult?> ReadAsync(ResourceRead request, CancellationToken cancellationToken);

    /// <summary>The outputs after the update (with unknowns in preview).</summary>
    Task<PropertyMap> UpdateAsync(ResourceUpdate request, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceDelete request, CancellationToken cancellationToken);
}
