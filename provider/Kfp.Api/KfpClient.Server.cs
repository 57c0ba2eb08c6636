using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    private KfpServerInfo? _serverInfo;

    public Task<KfpHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        _transport.SendAsync(
            new KfpCall(HttpMethod.Get, KfpQuery.Path("healthz"), "check health of", "the KFP API server") { Idempotent = true },
            KfpJsonContext.Default.KfpHealth,
            cancellationToken);

    public async Task<KfpServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _serverInfo) is { } known)
        {
            return known;
        }
        KfpServerInfo info;
        try
        {
            info = KfpServerInfo.From(await GetHealthAsync(cancellationToken));
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.NotFound or KfpErrorKind.Unimplemented or KfpErrorKind.PermissionDenied)
        {
            // healthz hidden by a proxy: assume a current server; answers below can still downgrade it.
            info = new KfpServerInfo("", MultiUser: !string.IsNullOrEmpty(_options.Namespace), Modern: true);
        }
        Volatile.Write(ref _serverInfo, info);
        return info;
    }

    /// <summary>An answer showed the server is older than healthz suggested (e.g. no <c>name</c> on pipelines).</summary>
    private void MarkLegacy()
    {
        if (Volatile.Read(ref _serverInfo) is { Modern: true } info)
        {
            Volatile.Write(ref _serverInfo, info with { Modern = false });
        }
    }
}
