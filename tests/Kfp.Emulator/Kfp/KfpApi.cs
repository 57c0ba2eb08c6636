using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Execution;
using Kfp.Emulator.Kfp.Experiments;
using Kfp.Emulator.Kfp.Pipelines;
using Kfp.Emulator.Kfp.RecurringRuns;
using Kfp.Emulator.Kfp.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp;

/// <summary>
/// The emulated KFP v2beta1 REST API (single-user KFP 2.17 unless <c>POST /_emulator/config</c> says otherwise):
/// experiments, pipelines and versions (JSON and multipart upload), runs, recurring runs and healthz.
/// </summary>
public sealed class KfpApi : IEmulatedApi
{
    private readonly KfpStore _store;
    private readonly ExperimentHandlers _experiments;
    private readonly PipelineHandlers _pipelines;
    private readonly VersionHandlers _versions;
    private readonly UploadHandlers _uploads;
    private readonly RunHandlers _runs;
    private readonly RecurringRunHandlers _recurringRuns;
    private readonly Simulation _simulation;
    private readonly RequestLog _log;
    private readonly TokenAuth _auth;
    private readonly Web.WebPage _page;

    public KfpApi(EmulatorOptions options)
    {
        _store = new KfpStore(options);
        var pipelines = new PipelineService(_store);
        _experiments = new ExperimentHandlers(_store);
        _pipelines = new PipelineHandlers(_store, pipelines);
        _versions = new VersionHandlers(_store, pipelines);
        _uploads = new UploadHandlers(_store, pipelines);
        _runs = new RunHandlers(_store, pipelines, _experiments);
        _recurringRuns = new RecurringRunHandlers(_store, pipelines, _experiments);
        _simulation = new Simulation(_store, new ScheduleController(_store, pipelines));
        _log = new RequestLog(TimeProvider.System);
        _auth = new TokenAuth(_store, [.. options.Tokens.Select(TokenGrant.Parse)]);
        _page = new Web.WebPage(_store);
        _experiments.OnStateChanged = (id, state) =>
        {
            if (state == ExperimentRow.Archived)
            {
                _runs.ArchiveAllIn(id);
                _recurringRuns.DisableAllIn(id);
            }
        };
    }

    /// <summary>The grpc-gateway error body KFP answers with for a status code.</summary>
    public static string ErrorBody(int status) =>
        $$"""{"code":{{GrpcCode(status)}},"message":"injected fault: HTTP {{status}}","details":[]}""";

    /// <summary>The clock, for tests that drive the emulator in-process.</summary>
    public EmulatorClock Clock => _store.Clock;

    public void UseOutermost(WebApplication app) => app.Use(_log.Middleware);

    public void Map(WebApplication app)
    {
        app.Use(RoutingErrors);
        app.Use(_auth.Middleware);
        app.Use(MultiUserAuth.Middleware(_store));
        app.Use(async (context, next) =>
        {
            _simulation.AdvanceToNow();
            await next(context);
        });
        HealthzHandler.Map(app, _store);
        _uploads.Map(app);
        _experiments.Map(app);
        _pipelines.Map(app);
        _versions.Map(app);
        _runs.Map(app);
        _recurringRuns.Map(app);
        EmulatorControl.Map(app, _store);
        SimulationControl.Map(app, _store, _simulation, _log);
        _page.Map(app);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => _store.SaveAsync(cancellationToken);

    /// <summary>grpc-gateway v2 routing errors: unknown path 404 <c>Not Found</c>, wrong method 501.</summary>
    private static async Task RoutingErrors(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.HasStarted || context.Response.StatusCode is not (404 or 405))
        {
            return;
        }
        var (status, code, message) = context.Response.StatusCode == 404 ? (404, 5, "Not Found") : (501, 12, "Method Not Allowed");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString(), context.RequestAborted);
    }

    private static int GrpcCode(int status) => status switch
    {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 6,
        429 => 8,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => 13,
    };
}
