using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kube.Handlers;
using Kfp.Emulator.Kube.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kube;

/// <summary>The emulated Kubernetes core/v1 API (Secrets, ConfigMaps, ServiceAccounts, Namespaces).</summary>
public sealed class KubeApi : IEmulatedApi, IDisposable
{
    private const string StateFile = "kubernetes.json";
    private readonly EmulatorOptions _options;
    private readonly KubeStore _store = new();
    private readonly Discovery _discovery = new();
    private readonly KubeRouter _router;
    private readonly Workloads.Kubelet _kubelet;

    public KubeApi(EmulatorOptions options)
    {
        _options = options;
        var writer = new ObjectWriter(_store, options.Time);
        var podsRoot = Path.Combine(options.StateDir ?? Path.GetTempPath(), "kfp-emulator-pods", Guid.NewGuid().ToString("N")[..8]);
        _kubelet = new Workloads.Kubelet(_store, writer, new Workloads.JobController(_store, writer), options.ImageCommands, podsRoot);
        _router = new KubeRouter(_store, writer, new TableWriter(options.Time), new UnknownFields(new OpenApiSchemas(_discovery.OpenApiV1)), options.Time, _kubelet,
            new KubeRbac([.. options.Tokens.Select(TokenGrant.Parse)]));
        var path = options.StateDir is null ? null : Path.Combine(options.StateDir, StateFile);
        if (path is not null && File.Exists(path))
        {
            _store.Restore(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? []);
        }
        else
        {
            Seed(writer);
        }
        _kubelet.Start();
    }

    /// <summary>The Kubernetes <c>Status</c> body for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"injected fault: HTTP {{status}}","reason":"{{ReasonFor(status)}}","code":{{status}}}""";

    public void Map(WebApplication app)
    {
        // client-go never sends credentials over plain http (kubernetes/kubectl#744), so a request without an
        // Authorization header is served as anonymous; a request with other credentials than the accepted bearer
        // tokens (--token, else the built-in one) is 401 like a real server.
        var accepted = (_options.Tokens.Count > 0 ? _options.Tokens.Select(t => TokenGrant.Parse(t).Token) : [KubeconfigFile.Token]).Select(t => "Bearer " + t).ToHashSet(StringComparer.Ordinal);
        app.Use(async (context, next) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.Length > 0 && !accepted.Contains(authorization))
            {
                await KubeRouter.WriteAsync(context, KubeError.Unauthorized().Code, KubeError.Unauthorized().ToStatus());
                return;
            }
            await next(context);
        });
        app.MapGet("/version", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.Version()));
        app.MapGet("/api", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.ApiVersions(c.Request.Host.Value ?? "")));
        app.MapGet("/api/v1", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.CoreResources()));
        app.MapGet("/apis", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.ApiGroups()));
        app.MapGet("/apis/batch", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.BatchGroup()));
        app.MapGet("/apis/batch/v1", (HttpContext c) => KubeRouter.WriteAsync(c, 200, Discovery.Resources("batch/v1")));
        app.Map("/apis/batch/v1/{**rest}", (HttpContext c, string? rest) => _router.DispatchAsync(c, rest ?? "", "batch/v1"));
        app.Lifetime.ApplicationStopping.Register(_kubelet.Dispose);
        app.MapGet("/openapi/v3", (HttpContext c) => KubeRouter.WriteAsync(c, 200, _discovery.OpenApiV3Root()));
        app.MapGet("/openapi/v3/api/v1", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.Body.WriteAsync(_discovery.OpenApiV1, c.RequestAborted);
        });
        app.Map("/api/v1/{**rest}", (HttpContext c, string? rest) => _router.DispatchAsync(c, rest ?? ""));
        app.MapFallback((HttpContext c) => KubeRouter.WriteAsync(c, 404, KubeError.PathNotFound().ToStatus()));
    }

    /// <summary>Stops the stand-in kubelet and kills the processes of running pods (also done when the app stops).</summary>
    public void Dispose() => _kubelet.Dispose();

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_options.StateDir is null)
        {
            return;
        }
        JsonObject snapshot;
        lock (_store.Gate)
        {
            snapshot = _store.Snapshot();
        }
        await File.WriteAllTextAsync(Path.Combine(_options.StateDir, StateFile), KubeJson.Write(snapshot), cancellationToken);
    }

    private static string ReasonFor(int status) => status switch
    {
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    };

    /// <summary>What a fresh KFP install has: its namespaces and service accounts.</summary>
    private void Seed(ObjectWriter writer)
    {
        lock (_store.Gate)
        {
            foreach (var ns in new[] { "default", "kube-system", "kubeflow" })
            {
                CreateHandler.Seed(writer, ResourceType.Namespaces, null, ns);
                CreateHandler.Seed(writer, ResourceType.ServiceAccounts, ns, "default");
            }
            CreateHandler.Seed(writer, ResourceType.ServiceAccounts, "kubeflow", "pipeline-runner");
            CreateHandler.Seed(writer, ResourceType.ServiceAccounts, "kubeflow", "default-editor");
        }
    }
}
