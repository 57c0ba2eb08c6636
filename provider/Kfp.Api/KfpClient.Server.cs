using Kfp.Api.Http;
using Kfp.Api.Json;
using Kfp.Api.Models;

namespace Kfp.Api;

public sealed partial class KfpClient
{
    /// <summary>How long a failed host check is remembered, so a dead or wrong host costs one wait, not one per call.</summary>
    private static readonly TimeSpan ProbeFailureMemory = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private KfpServerInfo? _serverInfo;
    private (KfpApiException Error, DateTimeOffset At)? _probeFailure;

    public Task<KfpHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        _transport.SendAsync(HealthCall(KfpQuery.Path("healthz")), KfpJsonContext.Default.KfpHealth, cancellationToken);

    /// <summary>
    /// What the server supports, from healthz. The first call also checks that <see cref="KfpClientOptions.BaseAddress"/>
    /// is the KFP API: a host that answers healthz and a cheap list with something else fails with
    /// <see cref="KfpErrorKind.NotKfpApi"/> and what <c>kfp:host</c> should be.
    /// </summary>
    public async Task<KfpServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _serverInfo) is { } known)
        {
            return known;
        }
        await _probeGate.WaitAsync(cancellationToken);
        try
        {
            if (_serverInfo is { } found)
            {
                return found;
            }
            if (_probeFailure is { } failed && _options.Time.GetUtcNow() - failed.At < ProbeFailureMemory)
            {
                throw failed.Error;
            }
            var info = await ProbeAsync(cancellationToken);
            Volatile.Write(ref _serverInfo, info);
            return info;
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.NotKfpApi or KfpErrorKind.Timeout or KfpErrorKind.Tls)
        {
            _probeFailure = (e, _options.Time.GetUtcNow());
            throw;
        }
        finally
        {
            _probeGate.Release();
        }
    }

    private async Task EnsureKfpApiAsync(CancellationToken cancellationToken) => await GetServerInfoAsync(cancellationToken);

    private async Task<KfpServerInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        KfpApiException notKfp;
        try
        {
            return KfpServerInfo.From(await GetHealthAsync(cancellationToken));
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.NotFound or KfpErrorKind.Unimplemented or KfpErrorKind.PermissionDenied)
        {
            // KFP's own error JSON: healthz hidden by a proxy; assume a current server, answers can still downgrade it.
            return AssumedServer();
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.NotKfpApi || (e.Kind == KfpErrorKind.Unknown && e.StatusCode == System.Net.HttpStatusCode.OK))
        {
            notKfp = e;
        }
        // healthz is not KFP's: perhaps only healthz is routed elsewhere. A cheap list settles it.
        try
        {
            await _transport.SendAsync(HealthCall(KfpQuery.Path("experiments", ("page_size", "1"))) with { Operation = "list experiments of" }, cancellationToken);
            return AssumedServer();
        }
        catch (KfpApiException e) when (e.Kind is not (KfpErrorKind.NotKfpApi or KfpErrorKind.Unknown or KfpErrorKind.Network or KfpErrorKind.Timeout or KfpErrorKind.Tls))
        {
            if (e.IsAuthError)
            {
                throw;
            }
            return AssumedServer();
        }
        catch (KfpApiException e) when (e.Kind is KfpErrorKind.NotKfpApi or KfpErrorKind.Unknown)
        {
            throw await WrongHostAsync(notKfp, cancellationToken);
        }
    }

    /// <summary>The wrong-host error, with the likely right <c>kfp:host</c> when the usual <c>/pipeline</c> prefix answers as KFP.</summary>
    private async Task<KfpApiException> WrongHostAsync(KfpApiException healthz, CancellationToken cancellationToken)
    {
        var host = _transport.BaseAddress.AbsoluteUri.TrimEnd('/');
        var advice = $"kfp:host is '{host}', which does not serve the KFP API. Set kfp:host to the KFP API base URL, the address before " +
            "/apis/v2beta1: with Kubeflow's gateway it ends in /pipeline (e.g. https://kubeflow.example.com/pipeline); " +
            "port-forwarded to the ml-pipeline service it is e.g. http://localhost:8888.";
        if (!host.EndsWith("/pipeline", StringComparison.OrdinalIgnoreCase))
        {
            if (await _transport.AnswersHealthzAsync(new Uri(host + "/pipeline/"), cancellationToken))
            {
                advice = $"kfp:host is '{host}', but the KFP API answers at '{host}/pipeline': set kfp:host to {host}/pipeline.";
            }
        }
        return healthz.Failure is { } failure ? new KfpApiException(failure with { Kind = KfpErrorKind.NotKfpApi, Advice = advice }) : healthz;
    }

    private static KfpCall HealthCall(string path) =>
        new(HttpMethod.Get, path, "check health of", "the KFP API server") { Idempotent = true, Probe = true };

    private KfpServerInfo AssumedServer() => new("", MultiUser: !string.IsNullOrEmpty(_options.Namespace), Modern: true);

    /// <summary>An answer showed the server is older than healthz suggested (e.g. no <c>name</c> on pipelines).</summary>
    private void MarkLegacy()
    {
        if (Volatile.Read(ref _serverInfo) is { Modern: true } info)
        {
            Volatile.Write(ref _serverInfo, info with { Modern = false });
        }
    }
}
