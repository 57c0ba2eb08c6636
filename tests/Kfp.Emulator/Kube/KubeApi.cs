using Microsoft.AspNetCore.Builder;

namespace Kfp.Emulator.Kube;

/// <summary>The emulated Kubernetes core/v1 API (Secrets, ConfigMaps, ServiceAccounts, Namespaces).</summary>
public sealed class KubeApi : IEmulatedApi
{
    private readonly EmulatorOptions _options;

    public KubeApi(EmulatorOptions options) => _options = options;

    /// <summary>The Kubernetes <c>Status</c> body for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"injected fault: HTTP {{status}}","reason":"InternalError","code":{{status}}}""";

    public void Map(WebApplication app)
    {
        _ = _options;
    }

    public Task SaveAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
