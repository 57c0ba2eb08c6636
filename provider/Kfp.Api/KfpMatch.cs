using System.Text.Json;
using Kfp.Api.Models;

namespace Kfp.Api;

/// <summary>
/// Whether an object found in KFP is exactly what a create request would make: the names of the fields that
/// differ, empty when it is. The client uses it to resolve ambiguous creates; the provider may use it to adopt
/// an object that holds its name (empty list) or to say how to import it (the fields listed).
/// Server-assigned values the request leaves open (the latest pipeline version, a default experiment,
/// a default service account) are not compared.
/// </summary>
public static class KfpMatch
{
    public static IReadOnlyList<string> Differences(CreateExperimentRequest request, Experiment found, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        var diffs = new List<string>();
        Check(diffs, "display_name", request.DisplayName, found.DisplayName);
        Check(diffs, "description", request.Description ?? "", found.Description);
        Namespace(diffs, request.Namespace ?? defaultNamespace, found.Namespace);
        return diffs;
    }

    public static IReadOnlyList<string> Differences(CreatePipelineRequest request, Pipeline found, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        return Pipeline(request.Name, request.DisplayName, request.Description, request.Namespace ?? defaultNamespace, found);
    }

    public static IReadOnlyList<string> Differences(UploadPipelineRequest request, Pipeline found, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        return Pipeline(request.Name, request.DisplayName, request.Description, request.Namespace ?? defaultNamespace, found);
    }

    /// <summary>Versions are compared by name and texts; the provider names versions after a hash of their spec.</summary>
    public static IReadOnlyList<string> Differences(UploadPipelineVersionRequest request, PipelineVersion found)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        var diffs = new List<string>();
        Check(diffs, "pipeline_id", request.PipelineId, found.PipelineId.Length == 0 ? request.PipelineId : found.PipelineId);
        Check(diffs, "name", request.Name, found.Name.Length == 0 ? found.DisplayName : found.Name);
        CheckIfSet(diffs, "display_name", request.DisplayName, found.DisplayName);
        Check(diffs, "description", request.Description ?? "", found.Description);
        return diffs;
    }

    public static IReadOnlyList<string> Differences(CreateRunRequest request, Run found)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        var diffs = new List<string>();
        Check(diffs, "display_name", request.DisplayName, found.DisplayName);
        Check(diffs, "description", request.Description ?? "", found.Description);
        CheckIfSet(diffs, "experiment_id", request.ExperimentId, found.ExperimentId);
        Source(diffs, request.PipelineVersionReference, request.PipelineSpec, found.PipelineVersionReference, found.PipelineSpec);
        Config(diffs, request.RuntimeConfig, found.RuntimeConfig);
        CheckIfSet(diffs, "service_account", request.ServiceAccount, found.ServiceAccount);
        return diffs;
    }

    public static IReadOnlyList<string> Differences(CreateRecurringRunRequest request, RecurringRun found)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(found);
        var diffs = new List<string>();
        Check(diffs, "display_name", request.DisplayName, found.DisplayName);
        Check(diffs, "description", request.Description ?? "", found.Description);
        CheckIfSet(diffs, "experiment_id", request.ExperimentId, found.ExperimentId);
        Source(diffs, request.PipelineVersionReference, request.PipelineSpec, found.PipelineVersionReference, found.PipelineSpec);
        Config(diffs, request.RuntimeConfig, found.RuntimeConfig);
        CheckIfSet(diffs, "service_account", request.ServiceAccount, found.ServiceAccount);
        if (request.MaxConcurrency != found.MaxConcurrency)
        {
            diffs.Add("max_concurrency");
        }
        if (request.NoCatchup != found.NoCatchup)
        {
            diffs.Add("no_catchup");
        }
        var enabled = found.Mode == RecurringRunMode.Unspecified ? found.Status == RecurringRunStatus.Enabled : found.Mode == RecurringRunMode.Enable;
        if ((request.Mode == RecurringRunMode.Enable) != enabled)
        {
            diffs.Add("mode");
        }
        if (!SameTrigger(request.Trigger, found.Trigger))
        {
            diffs.Add("trigger");
        }
        return diffs;
    }

    private static List<string> Pipeline(string name, string? displayName, string? description, string? @namespace, Pipeline found)
    {
        var diffs = new List<string>();
        Check(diffs, "name", name, found.Name.Length == 0 ? found.DisplayName : found.Name);
        // Before KFP 2.14 the display name is the name.
        if (found.Name.Length > 0)
        {
            Check(diffs, "display_name", displayName ?? name, found.DisplayName);
        }
        Check(diffs, "description", description ?? "", found.Description);
        Namespace(diffs, @namespace, found.Namespace);
        return diffs;
    }

    private static void Source(List<string> diffs, PipelineVersionReference? wanted, JsonElement? wantedSpec, PipelineVersionReference? found, JsonElement? foundSpec)
    {
        if (wanted is not null)
        {
            Check(diffs, "pipeline_version_reference.pipeline_id", wanted.PipelineId, found?.PipelineId ?? "");
            CheckIfSet(diffs, "pipeline_version_reference.pipeline_version_id", wanted.PipelineVersionId, found?.PipelineVersionId ?? "");
        }
        else if (wantedSpec is not null && foundSpec is null)
        {
            diffs.Add("pipeline_spec");
        }
    }

    private static void Config(List<string> diffs, RuntimeConfig? wanted, RuntimeConfig? found)
    {
        Check(diffs, "runtime_config.pipeline_root", wanted?.PipelineRoot ?? "", found?.PipelineRoot ?? "");
        var a = wanted?.Parameters ?? new Dictionary<string, JsonElement>();
        var b = found?.Parameters ?? new Dictionary<string, JsonElement>();
        if (a.Count != b.Count || a.Any(p => !b.TryGetValue(p.Key, out var other) || !JsonElement.DeepEquals(p.Value, other)))
        {
            diffs.Add("runtime_config.parameters");
        }
    }

    private static bool SameTrigger(Trigger wanted, Trigger? found)
    {
        if (wanted.CronSchedule is { } cron)
        {
            return found?.CronSchedule is { } f && f.Cron == cron.Cron && SameTime(cron.StartTime, f.StartTime) && SameTime(cron.EndTime, f.EndTime);
        }
        if (wanted.PeriodicSchedule is { } every)
        {
            return found?.PeriodicSchedule is { } f && f.IntervalSecond == every.IntervalSecond
                && SameTime(every.StartTime, f.StartTime) && SameTime(every.EndTime, f.EndTime);
        }
        return found?.CronSchedule is null && found?.PeriodicSchedule is null;
    }

    /// <summary>An unset time matches what the server fills in; set times compare to the second (KFP stores seconds).</summary>
    private static bool SameTime(DateTimeOffset? wanted, DateTimeOffset? found) =>
        wanted is not { } w || (found is { } f && w.ToUnixTimeSeconds() == f.ToUnixTimeSeconds());

    /// <summary>A single-user server drops every namespace: an empty one found matches any asked for.</summary>
    private static void Namespace(List<string> diffs, string? wanted, string found)
    {
        if (found.Length > 0)
        {
            CheckIfSet(diffs, "namespace", wanted, found);
        }
    }

    private static void Check(List<string> diffs, string field, string wanted, string found)
    {
        if (!string.Equals(wanted, found, StringComparison.Ordinal))
        {
            diffs.Add(field);
        }
    }

    private static void CheckIfSet(List<string> diffs, string field, string? wanted, string found)
    {
        if (!string.IsNullOrEmpty(wanted))
        {
            Check(diffs, field, wanted, found);
        }
    }
}
