using Kfp.Api;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;
using static Kfp.Provider.Engine.PropertySpec;

namespace Kfp.Provider.Resources;

/// <summary>
/// <c>kfp:index:RecurringRun</c>: a KFP schedule. KFP has no update for recurring runs, so only <c>enabled</c>
/// changes in place (enable/disable endpoints) and every other change replaces. <c>enabled</c> is compared with
/// the live status, so a schedule disabled in the UI shows as drift and <c>up</c> enables it again.
/// </summary>
public sealed partial class RecurringRunResource(Func<ProviderServices> services) : Resource
{
    public static readonly ResourceDefinition Spec = new(
        "kfp:index:RecurringRun",
        "A Kubeflow Pipelines recurring run: a schedule that starts runs of a pipeline. KFP cannot update recurring runs: `enabled` changes in place, any other change replaces the schedule.",
        [
            new("name", PropertyType.String, "Display name of the recurring run (KFP does not require it to be unique). Autonamed when omitted.") { ReplaceOnChanges = true },
            new("description", PropertyType.String, "What the schedule is for.") { ReplaceOnChanges = true },
            new("pipelineId", PropertyType.String, "The pipeline to run.") { Required = true, ReplaceOnChanges = true },
            new("pipelineVersionId", PropertyType.String, "The pipeline version to run; omit it to run the pipeline's latest version at each trigger.") { ReplaceOnChanges = true },
            new("experimentId", PropertyType.String, "The experiment the runs belong to; KFP's default experiment when omitted (required in multi-user mode).") { ReplaceOnChanges = true },
            new("cron", PropertyType.String, "Cron schedule: 5 fields (`minute hour day-of-month month day-of-week`, recorded in KFP's seconds-first 6-field form), 6 fields (seconds first), or a descriptor such as `@daily`. Set exactly one of `cron` and `intervalSeconds`.") { ReplaceOnChanges = true },
            new("intervalSeconds", PropertyType.Integer, "Start a run every this many seconds. Set exactly one of `cron` and `intervalSeconds`.") { ReplaceOnChanges = true },
            new("startTime", PropertyType.String, "When the schedule starts (RFC 3339 with whole seconds, e.g. `2026-01-01T00:00:00Z`; recorded in UTC).") { ReplaceOnChanges = true },
            new("endTime", PropertyType.String, "When the schedule ends (RFC 3339 with whole seconds; recorded in UTC).") { ReplaceOnChanges = true },
            new("maxConcurrency", PropertyType.Integer, "How many runs of this schedule may run at once, 1 to 10.") { ReplaceOnChanges = true, Default = 1 },
            new("catchup", PropertyType.Boolean, "After the scheduler was down, start every missed run (true) or only the latest one (false).") { ReplaceOnChanges = true, Default = false },
            new("enabled", PropertyType.Boolean, "Whether the schedule starts runs; changes in place. A schedule disabled in the KFP UI shows as drift, and `pulumi up` enables it again.") { TracksDrift = true, Default = true },
            new("parameters", PropertyType.Any, "Pipeline parameters (`runtime_config.parameters`): a map of parameter names to JSON values.") { ReplaceOnChanges = true },
            new("serviceAccount", PropertyType.String, "Kubernetes service account the runs use; KFP's default when omitted.") { ReplaceOnChanges = true },
            new("namespace", PropertyType.String, "KFP profile namespace (multi-user mode). KFP puts a recurring run in its experiment's namespace; when set, the experiment must be in it.") { ReplaceOnChanges = true },
            Output("recurringRunId", PropertyType.String, "The KFP recurring run ID."),
            Output("status", PropertyType.String, "ENABLED or DISABLED, as KFP reports it."),
            Output("createdAt", PropertyType.String, "When KFP created the recurring run (RFC 3339)."),
        ])
    {
        AutoNamed = true,
        IdProperty = "recurringRunId",
    };

    public override ResourceDefinition Definition => Spec;

    protected override void Validate(InputReader inputs)
    {
        var cron = inputs.String("cron");
        var interval = inputs.Integer("intervalSeconds", 1);
        if (cron is not null && interval is not null)
        {
            inputs.Fail("cron", "set either cron or intervalSeconds, not both");
            inputs.Fail("intervalSeconds", "set either cron or intervalSeconds, not both");
        }
        else if (cron is null && interval is null && !inputs.IsUnknown("cron") && !inputs.IsUnknown("intervalSeconds"))
        {
            inputs.Fail("cron", "a recurring run needs a schedule: set cron (e.g. '0 2 * * *') or intervalSeconds");
        }
        if (cron is not null && !CronExpression.TryToKfp(cron, out _, out var error))
        {
            inputs.Fail("cron", error);
        }
        var start = Time(inputs, "startTime");
        if (Time(inputs, "endTime") is { } end && start is not null && end <= start)
        {
            inputs.Fail("endTime", "must be after startTime");
        }
        inputs.Integer("maxConcurrency", 1, 10);
        RunFields.ValidateParameters(inputs);
    }

    /// <summary>Validates, then records the defaults, the cron in KFP's form and times in UTC, so diffs stay stable.</summary>
    public override async Task<CheckResult> CheckAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await base.CheckAsync(context, cancellationToken);
        var inputs = Definition.Inputs.Where(s => s.Default is not null && !result.Inputs.Has(s.Name))
            .Aggregate(result.Inputs, (map, s) => map.With(s.Name, s.Default is bool b ? PropertyValue.Of(b) : PropertyValue.Of(Convert.ToDouble(s.Default, System.Globalization.CultureInfo.InvariantCulture))));
        if (inputs.Get("cron").Plain is StringValue cron && CronExpression.TryToKfp(cron.Value, out var kfpCron, out _))
        {
            inputs = inputs.With("cron", PropertyValue.Of(kfpCron));
        }
        foreach (var name in new[] { "startTime", "endTime" })
        {
            if (inputs.Get(name).Plain is StringValue text && RunFields.ParseTime(text.Value) is { } time)
            {
                inputs = inputs.With(name, PropertyValue.Of(RunFields.Time(time)));
            }
        }
        return result with { Inputs = inputs };
    }

    public override async Task<CreateResult> CreateAsync(CreateContext context, CancellationToken cancellationToken)
    {
        var inputs = new InputReader(context.Inputs);
        var name = inputs.RequiredString("name");
        var experimentId = inputs.String("experimentId") is { Length: > 0 } e ? e : null;
        await CheckNamespaceAsync(name, inputs.String("namespace"), experimentId, cancellationToken);
        var request = new CreateRecurringRunRequest(name, Trigger(inputs))
        {
            Description = inputs.String("description"),
            ExperimentId = experimentId,
            PipelineVersionReference = RunFields.Pipeline(inputs),
            RuntimeConfig = RunFields.RuntimeConfig(context.Inputs),
            ServiceAccount = inputs.String("serviceAccount") is { Length: > 0 } sa ? sa : null,
            MaxConcurrency = inputs.Integer("maxConcurrency") ?? 1,
            // Always explicit: KFP creates a recurring run DISABLED when the mode is missing.
            Mode = (inputs.Boolean("enabled") ?? true) ? RecurringRunMode.Enable : RecurringRunMode.Disable,
            NoCatchup = !(inputs.Boolean("catchup") ?? false),
        };
        try
        {
            var created = await services().Kfp.CreateRecurringRunAsync(request, cancellationToken);
            return new CreateResult(created.RecurringRunId, Outputs(context.Inputs, created));
        }
        catch (KfpApiException ex) when (ex.IsInputError || ex.IsNotFound)
        {
            throw new ResourceException($"KFP refused recurring run '{name}': {ex.ServerMessage}. " +
                "Check pipelineId, pipelineVersionId, experimentId and that parameters match the pipeline's inputs.", ex);
        }
    }

    /// <summary>Only <c>enabled</c> changes in place (Diff replaces for anything else), also to repair drift.</summary>
    public override async Task<PropertyMap> UpdateAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var kfp = services().Kfp;
        if (new InputReader(context.News).Boolean("enabled") ?? true)
        {
            await kfp.EnableRecurringRunAsync(context.Id, cancellationToken);
        }
        else
        {
            await kfp.DisableRecurringRunAsync(context.Id, cancellationToken);
        }
        return Outputs(context.News, await kfp.GetRecurringRunAsync(context.Id, cancellationToken));
    }

    public override PropertyMap PreviewUpdate(UpdateContext context) =>
        base.PreviewUpdate(context).With("status", PropertyValue.Of((new InputReader(context.News).Boolean("enabled") ?? true) ? "ENABLED" : "DISABLED"));

    public override async Task DeleteAsync(DeleteContext context, CancellationToken cancellationToken)
    {
        try
        {
            await services().Kfp.DeleteRecurringRunAsync(context.Id, cancellationToken);
        }
        catch (KfpApiException e) when (e.IsNotFound)
        {
            // Already gone: deleting it is done.
        }
    }

    private static Trigger Trigger(InputReader inputs)
    {
        var start = Time(inputs, "startTime");
        var end = Time(inputs, "endTime");
        if (inputs.String("cron") is { } cron)
        {
            return Api.Models.Trigger.Cron(CronExpression.TryToKfp(cron, out var kfpCron, out _) ? kfpCron : cron, start, end);
        }
        return Api.Models.Trigger.Every(inputs.Integer("intervalSeconds") ?? 0, start, end);
    }

    private static DateTimeOffset? Time(InputReader inputs, string name)
    {
        if (inputs.String(name) is not { } text)
        {
            return null;
        }
        var time = RunFields.ParseTime(text);
        if (time is null)
        {
            inputs.Fail(name, $"'{text}' is not an RFC 3339 time with whole seconds; write it like 2026-01-01T00:00:00Z");
        }
        return time;
    }
}
