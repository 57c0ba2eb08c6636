using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kfp.Emulator.Kfp.Core;
using Kfp.Emulator.Kfp.Execution;
using Kfp.Emulator.Kfp.RecurringRuns;
using Kfp.Emulator.Kfp.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kfp.Emulator.Kfp.Web;

/// <summary>
/// <c>GET {kfp}/</c>: a read-only page of what the emulator holds: pipelines with their versions and the latest
/// version's DAG, runs with their tasks' states, and schedules with their next fire time. Self-contained HTML with
/// inline SVG and CSS: no scripts, nothing loaded from elsewhere.
/// </summary>
internal sealed class WebPage(KfpStore store)
{
    public void Map(WebApplication app) => app.MapGet("/", async context =>
    {
        string html;
        lock (store.Gate)
        {
            html = Render();
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    });

    private string Render()
    {
        var state = store.State;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>KFP emulator</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222;background:#fafafa}h1{font-size:22px}h2{border-bottom:2px solid #ccc;padding-bottom:4px}")
            .Append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px}")
            .Append("th{background:#eee}.state{font-weight:bold;padding:1px 6px;border-radius:4px}.SUCCEEDED{background:#c8ecc8}.FAILED{background:#f6c1c1}")
            .Append(".RUNNING{background:#c9dcf7}.PENDING{background:#f3ecc2}.CANCELED,.SKIPPED{background:#ddd}section.pipeline{background:#fff;border:1px solid #ddd;padding:8px 12px;margin-bottom:12px}")
            .Append("</style></head><body>");
        page.Append(CultureInfo.InvariantCulture, $"<h1>KFP emulator</h1><p id=\"clock\">Emulator time: <time>{Time(store.Time.GetUtcNow())}</time></p>");

        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"pipelines\">Pipelines ({state.Pipelines.Count})</h2>");
        foreach (var pipeline in state.Pipelines.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var versions = state.Versions.Values.Where(v => v.PipelineId == pipeline.Id).OrderBy(v => v.CreatedAt).ThenBy(v => v.Sequence).ToList();
            page.Append(CultureInfo.InvariantCulture, $"<section class=\"pipeline\" data-pipeline-id=\"{H(pipeline.Id)}\"><h3>{H(pipeline.DisplayName)}</h3>");
            page.Append(CultureInfo.InvariantCulture, $"<p>name <code>{H(pipeline.Name)}</code>{(pipeline.Namespace.Length > 0 ? $", namespace <code>{H(pipeline.Namespace)}</code>" : "")}, id <code>{H(pipeline.Id)}</code></p>");
            page.Append("<table class=\"versions\"><tr><th>Version</th><th>Created</th><th>Id</th></tr>");
            foreach (var version in versions)
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(version.Name)}</td><td>{Time(version.CreatedAt)}</td><td><code>{H(version.Id)}</code></td></tr>");
            }
            page.Append("</table>");
            if (versions.Count > 0)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p>DAG of the latest version <b>{H(versions[^1].Name)}</b>:</p>").Append(DagSvg.Draw(versions[^1].PipelineSpec()));
            }
            page.Append("</section>");
        }

        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"runs\">Runs ({state.Runs.Count})</h2>");
        page.Append("<table class=\"runs\"><tr><th>Run</th><th>State</th><th>Created</th><th>Pipeline version</th><th>Tasks</th><th>Error</th></tr>");
        foreach (var run in state.Runs.Values.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal))
        {
            var version = state.Versions.GetValueOrDefault(run.PipelineVersionId)?.Name ?? (run.InlineSpec is null ? run.PipelineVersionId : "inline spec");
            page.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"run\" data-run-id=\"{H(run.Id)}\"><td>{H(run.DisplayName)}</td><td><span class=\"state {H(run.State)}\">{H(run.State)}</span></td><td>{Time(run.CreatedAt)}</td><td>{H(version)}</td><td>{Tasks(run)}</td><td>{H(run.ErrorMessage)}</td></tr>");
        }
        page.Append("</table>");

        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"schedules\">Schedules ({state.RecurringRuns.Count})</h2>");
        page.Append("<table class=\"schedules\"><tr><th>Schedule</th><th>Trigger</th><th>Status</th><th>Max concurrency</th><th>Catch-up</th><th>Version</th><th>Next fire time</th><th>Runs created</th></tr>");
        foreach (var schedule in state.RecurringRuns.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var next = ScheduleController.NextFire(schedule);
            var version = schedule.PipelineVersionId.Length > 0 ? state.Versions.GetValueOrDefault(schedule.PipelineVersionId)?.Name ?? schedule.PipelineVersionId
                : schedule.InlineSpec is not null ? "inline spec" : "latest";
            page.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"schedule\" data-recurring-run-id=\"{H(schedule.Id)}\"><td>{H(schedule.DisplayName)}</td><td><code>{H(TriggerText(schedule.Trigger))}</code></td><td>{(schedule.Enabled ? "ENABLED" : "DISABLED")}</td>"
                + $"<td>{schedule.MaxConcurrency}</td><td>{(schedule.NoCatchup ? "no" : "yes")}</td><td>{H(version)}</td><td class=\"next-fire\">{(next is { } n ? Time(n) : "never")}</td><td>{schedule.TriggerCount}</td></tr>");
        }
        page.Append("</table></body></html>");
        return page.ToString();
    }

    private static string Tasks(RunRow run)
    {
        if (run.Plan is not { } plan || run.ProgressAt is not { } at)
        {
            return "";
        }
        var items = plan.Tasks.Where(t => t.Kind == "CONTAINER" && t.Ready <= at)
            .Select(t => (t.Name, RunProgress.TaskState(t, at, plan).State))
            .Select(t => $"<span class=\"task\">{H(t.Name)} <span class=\"state {H(t.State)}\">{H(t.State)}</span></span>");
        return string.Join("<br>", items);
    }

    private static string TriggerText(string json)
    {
        var trigger = JsonNode.Parse(json) as JsonObject ?? [];
        var schedule = (trigger["cron_schedule"] ?? trigger["periodic_schedule"]) as JsonObject ?? [];
        var text = trigger["cron_schedule"] is not null ? $"cron {schedule["cron"]}" : $"every {schedule["interval_second"]} s";
        return text + (schedule["start_time"] is { } s ? $" from {s}" : "") + (schedule["end_time"] is { } e ? $" until {e}" : "");
    }

    private static string Time(DateTimeOffset t) => JsonOut.Format(t);

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
