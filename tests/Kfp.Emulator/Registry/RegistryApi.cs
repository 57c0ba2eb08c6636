using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator.Registry;

/// <summary>The emulated OCI registry <c>/v2/</c> API.</summary>
public sealed class RegistryApi : IEmulatedApi
{
    private readonly EmulatorOptions _options;

    public RegistryApi(EmulatorOptions options) => _options = options;

    /// <summary>The OCI distribution error body for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"errors":[{"code":"UNKNOWN","message":"injected fault: HTTP {{status}}","detail":null}]}""";

    public void Map(WebApplication app)
    {
        _ = _options;
    }

    public Task SaveAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
