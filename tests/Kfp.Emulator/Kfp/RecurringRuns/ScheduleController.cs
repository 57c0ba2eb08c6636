using System.Text;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Pipelines;
using Kfp.Emulator.Kfp.Runs;

namespace Kfp.Emulator.Kfp.RecurringRuns;

/// <summary>
/// The emulated ScheduledWorkflow controller: enabled schedules create runs for their slots on the emulator clock,
/// as if the controller had watched all along. A slot fires at its time, or once the schedule is enabled again,
/// or once one of its active runs ends when <c>max_concurrency</c> runs are active. With catch-up every missed slot
/// gets its run; with <c>no_catchup</c> only the latest. A schedule naming only a pipeline runs the version with the
/// greatest <c>created_at</c> at that moment. Callers hold the store's lock.
/// </summary>
internal sealed class ScheduleController(KfpStore store, PipelineService pipelines)
{
    /// <summary>At most this many runs per schedule per call: a huge clock jump over <c>@every 1s</c> stays bounded.</summary>
    private const int MaxRunsPerCall = 500;

    public void FireDue(DateTimeOffset now)
    {
        foreach (var id in store.State.RecurringRuns.Values.Where(r => r.Enabled).Select(r => r.Id).Order(StringComparer.Ordinal).ToList())
        {
            for (var i = 0; i < MaxRunsPerCall && TryFire(id, now); i++)
            {
            }
        }
    }

    /// <summary>When the schedule fires next if nothing blocks it (for the web page); null when disabled or finished.</summary>
    public static DateTimeOffset? NextFire(RecurringRunRow row)
    {
        if (!row.Enabled)
        {
            return null;
        }
        var slot = Trigger.From(row.Trigger).NextAfter(row.LastTriggeredAt, row.CreatedAt);
        var enabledAt = row.EnabledAt ?? row.CreatedAt;
        return slot is { } s && s < enabledAt ? enabledAt : slot;
    }

    private bool TryFire(string id, DateTimeOffset now)
    {
        var row = store.State.RecurringRuns[id];
        var trigger = Trigger.From(row.Trigger);
        if (trigger.NextAfter(row.LastTriggeredAt, row.CreatedAt) is not { } slot || slot > now)
        {
            return false;
        }
        var at = Max(slot, row.EnabledAt ?? row.CreatedAt);
        if (WhenFree(row, at, now) is not { } free)
        {
            return false;
        }
        at = free;
        if (row.NoCatchup)
        {
            slot = trigger.SkipMissed(slot, at);
        }
        var index = row.TriggerCount + 1;
        store.State.RecurringRuns[id] = row with { LastTriggeredAt = slot, TriggerCount = index };
        Create(row, index, slot, at);
        return true;
    }

    /// <summary>The first moment from <paramref name="at"/> on when fewer than max_concurrency runs are active; null if not by now.</summary>
    private DateTimeOffset? WhenFree(RecurringRunRow row, DateTimeOffset at, DateTimeOffset now)
    {
        var max = Math.Clamp(row.MaxConcurrency, 1, 10);
        var ends = store.State.Runs.Values.Where(r => r.RecurringRunId == row.Id).Select(EndOf).ToList();
        while (true)
        {
            var active = ends.Where(e => e is null || e > at).ToList();
            if (active.Count < max)
            {
                return at;
            }
            if (active.Min() is not { } first || first > now)
            {
                return null; // a run that never ends by itself (runs do not execute, or it was pinned) keeps blocking
            }
            at = first;
        }
    }

    private static DateTimeOffset? EndOf(RunRow run) => run.Plan is { FrozenAt: null } plan
        ? plan.End
        : Execution.RunProgress.IsTerminal(run.State) ? run.FinishedAt ?? run.CreatedAt : null;

    private void Create(RecurringRunRow schedule, long index, DateTimeOffset slot, DateTimeOffset at)
    {
        var (pipelineId, versionId, spec) = Source(schedule, at);
        if (spec is null)
        {
            return; // the pipeline or its version is gone: the real controller's CreateRun fails and the slot passes
        }
        var created = Seconds(at);
        var swf = SwfName(schedule.DisplayName);
        var row = new RunRow
        {
            Id = store.NewId(),
            ExperimentId = schedule.ExperimentId,
            DisplayName = $"{swf}-{index}-{Execution.Fnv.Hash32($"{swf}-{index}-{slot.ToUnixTimeSeconds()}")}",
            Description = schedule.Description,
            PipelineId = pipelineId,
            PipelineVersionId = versionId,
            InlineSpec = schedule.InlineSpec,
            RuntimeConfig = schedule.RuntimeConfig,
            ServiceAccount = schedule.ServiceAccount,
            CreatedAt = created,
            ScheduledAt = Seconds(slot),
            Namespace = schedule.Namespace,
            RecurringRunId = schedule.Id,
            History = [new(created, "PENDING")],
            Plan = store.PlanRun(spec, at, schedule.RuntimeConfig),
        };
        store.State.Runs[row.Id] = row;
        if (store.State.Experiments.TryGetValue(schedule.ExperimentId, out var experiment))
        {
            store.State.Experiments[experiment.Id] = experiment with { LastRunCreatedAt = created };
        }
    }

    private (string PipelineId, string VersionId, JsonObject? Spec) Source(RecurringRunRow schedule, DateTimeOffset at)
    {
        if (schedule.InlineSpec is { } inline)
        {
            var spec = (JsonObject)JsonNode.Parse(inline)!;
            return ("", "", spec["pipeline_spec"] as JsonObject ?? spec);
        }
        if (schedule.PipelineVersionId.Length > 0)
        {
            return store.State.Versions.TryGetValue(schedule.PipelineVersionId, out var pinned)
                ? (pinned.PipelineId, pinned.Id, pinned.PipelineSpec())
                : (schedule.PipelineId, schedule.PipelineVersionId, null);
        }
        var latest = pipelines.VersionsOf(schedule.PipelineId).Where(v => v.CreatedAt <= at)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Sequence).FirstOrDefault();
        return latest is null ? (schedule.PipelineId, "", null) : (latest.PipelineId, latest.Id, latest.PipelineSpec());
    }

    /// <summary>The ScheduledWorkflow's name: the display name made a Kubernetes name, at most 25 characters.</summary>
    private static string SwfName(string displayName)
    {
        var name = new StringBuilder();
        foreach (var c in displayName.ToLowerInvariant())
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }
        var text = name.ToString().Trim('-');
        text = text.Length > 25 ? text[..25].TrimEnd('-') : text;
        return text.Length > 0 ? text : "job";
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Seconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
}
