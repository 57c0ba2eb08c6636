using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator.Registry;

/// <summary>
/// The emulated OCI registry <c>/v2/</c> API: the API check, manifest HEAD/GET by tag or digest, token and Basic
/// auth (required once a user is seeded), and the <c>/_emulator</c> seeding endpoints.
/// </summary>
public sealed class RegistryApi : IEmulatedApi
{
    private readonly RegistryStore _store;
    private readonly RegistryAuth _auth;
    private readonly TimeProvider _time;

    public RegistryApi(EmulatorOptions options)
    {
        _store = new RegistryStore(options);
        _auth = new RegistryAuth(_store);
        _time = options.Time;
    }

    /// <summary>The OCI distribution error body for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"errors":[{"code":"UNKNOWN","message":"injected fault: HTTP {{status}}","detail":null}]}""";

    public void Map(WebApplication app)
    {
        new ManifestHandler(_store, _auth).Map(app);
        new TokenHandler(_store, _auth, _time).Map(app);
        new SeedHandlers(_store).Map(app);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => _store.SaveAsync(cancellationToken);
}
