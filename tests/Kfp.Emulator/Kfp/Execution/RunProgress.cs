using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Runs;

namespace Kfp.Emulator.Kfp.Execution;

/// <summary>
/// Reads a run's state off its plan at a moment: PENDING until the workflow starts, RUNNING until its last task
/// ends, then SUCCEEDED or FAILED (the error names the failed task); <c>task_details</c> as KFP's persistence agent
/// reports Argo nodes.
/// </summary>
internal static class RunProgress
{
    public static bool IsTerminal(string state) => state is "SUCCEEDED" or "SKIPPED" or "FAILED" or "CANCELED";

    /// <summary>The run as of <paramref name="now"/>; unchanged when it has no plan, is frozen or has finished.</summary>
    public static RunRow Advance(RunRow row, DateTimeOffset now)
    {
        if (row.Plan is not { FrozenAt: null } plan || row.ProgressAt >= plan.End || row.ProgressAt > now)
        {
            return row;
        }
        var at = now < plan.End ? now : plan.End;
        var history = new List<KeyValuePair<DateTimeOffset, string>> { new(row.CreatedAt, "PENDING") };
        var state = "PENDING";
        if (plan.Start <= at)
        {
            history.Add(new(Seconds(plan.Start), "RUNNING"));
            state = "RUNNING";
        }
        var finished = plan.End <= at;
        if (finished)
        {
            history.Add(new(Seconds(plan.End), plan.Final));
            state = plan.Final;
        }
        return row with
        {
            State = state,
            History = history,
            FinishedAt = finished ? Seconds(plan.End) : null,
            ErrorMessage = finished ? plan.Error : "",
            ProgressAt = at,
        };
    }

    /// <summary>Stops the plan at <paramref name="now"/> (a control call or terminate pins the run's state).</summary>
    public static RunRow Freeze(RunRow row, DateTimeOffset now, string state)
    {
        row = Advance(row, now);
        return row.Plan is { } plan
            ? row with
            {
                Plan = plan with
                {
                    FrozenAt = plan.FrozenAt ?? row.ProgressAt ?? now,
                    FrozenState = IsTerminal(state) ? state : plan.FrozenState,
                },
            }
            : row;
    }

    /// <summary><c>run_details</c> with one <c>task_details</c> entry per node created so far; null before the first.</summary>
    public static JsonObject? Details(RunRow row)
    {
        if (row.Plan is not { } plan || row.ProgressAt is not { } at)
        {
            return null;
        }
        var started = plan.Tasks.Where(t => t.Ready <= at).ToList();
        if (started.Count == 0)
        {
            return null;
        }
        var tasks = new JsonArray();
        foreach (var task in started)
        {
            var (state, history) = TaskState(task, at, plan);
            var children = new JsonArray([.. started.Where(c => c.ParentNodeId == task.NodeId)
                .Select(c => (JsonNode)new JsonObject { ["pod_name"] = c.NodeId })]);
            tasks.Add(new JsonOut()
                .Str("run_id", row.Id)
                .Str("task_id", task.TaskId)
                .Str("display_name", task.Name)
                .Time("create_time", row.CreatedAt)
                .Time("start_time", Seconds(task.Ready))
                .Time("end_time", task.End <= at ? Seconds(task.End) : null)
                .Str("state", state)
                .Node("state_history", history)
                .Node("child_tasks", children)
                .Object);
        }
        return new JsonObject { ["task_details"] = tasks };
    }

    /// <summary>The node's state and its history at <paramref name="at"/>.</summary>
    public static (string State, JsonArray History) TaskState(PlannedTask task, DateTimeOffset at, RunPlan plan)
    {
        var history = new JsonArray();
        var state = task.Kind == "DAG" ? "RUNNING" : "PENDING";
        history.Add(Entry(task.Ready, state));
        if (task.Kind != "DAG" && task.Running <= at)
        {
            state = "RUNNING";
            history.Add(Entry(task.Running, state));
        }
        if (task.End <= at)
        {
            state = task.Final;
            history.Add(Entry(task.End, state));
        }
        else if (plan.FrozenAt is { } frozen && plan.FrozenState.Length > 0)
        {
            state = plan.FrozenState;
            history.Add(Entry(frozen, state));
        }
        return (state, history);
    }

    private static JsonObject Entry(DateTimeOffset time, string state) => new() { ["update_time"] = JsonOut.Format(time), ["state"] = state };

    private static DateTimeOffset Seconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
}
