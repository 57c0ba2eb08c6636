using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Handlers;

/// <summary>meta.k8s.io/v1 Table responses, the columns <c>kubectl get</c> prints for each kind.</summary>
internal sealed class TableWriter(TimeProvider time)
{
    public JsonObject Table(ResourceType type, IReadOnlyList<JsonObject> objects, string version)
    {
        var columns = new List<(string Name, string Type, Func<JsonObject, JsonNode?> Cell)> { ("Name", "string", o => KubeJson.Name(o)) };
        if (type == ResourceType.Secrets)
        {
            columns.Add(("Type", "string", o => KubeJson.String(o, "type")));
            columns.Add(("Data", "integer", o => (o["data"] as JsonObject)?.Count ?? 0));
        }
        else if (type == ResourceType.ConfigMaps)
        {
            columns.Add(("Data", "integer", o => ((o["data"] as JsonObject)?.Count ?? 0) + ((o["binaryData"] as JsonObject)?.Count ?? 0)));
        }
        else if (type == ResourceType.ServiceAccounts)
        {
            columns.Add(("Secrets", "integer", o => (o["secrets"] as JsonArray)?.Count ?? 0));
        }
        else if (type == ResourceType.Jobs)
        {
            columns.Add(("Status", "string", o => JobStatus(o["status"] as JsonObject)));
            columns.Add(("Completions", "string", o => $"{o["status"]?["succeeded"]?.ToString() ?? "0"}/{o["spec"]?["completions"]?.ToString() ?? "1"}"));
            columns.Add(("Duration", "string", o => Duration(o["status"] as JsonObject)));
        }
        else if (type == ResourceType.Pods)
        {
            columns.Add(("Ready", "string", o => $"{Statuses(o).Count(s => KubeJson.Bool(s, "ready"))}/{(o["spec"]?["containers"] as JsonArray)?.Count ?? 0}"));
            columns.Add(("Status", "string", o => PodStatus(o)));
            columns.Add(("Restarts", "integer", _ => 0));
        }
        else if (type == ResourceType.Events)
        {
            columns.Add(("Type", "string", o => KubeJson.String(o, "type")));
            columns.Add(("Reason", "string", o => KubeJson.String(o, "reason")));
            columns.Add(("Object", "string", o => $"{KubeJson.String(o["involvedObject"] as JsonObject, "kind")?.ToLowerInvariant()}/{KubeJson.String(o["involvedObject"] as JsonObject, "name")}"));
            columns.Add(("Message", "string", o => KubeJson.String(o, "message")));
        }
        else
        {
            columns.Add(("Status", "string", o => KubeJson.String(o["status"] as JsonObject, "phase")));
        }
        columns.Add(("Age", "string", o => Age(KubeJson.String(o["metadata"] as JsonObject, "creationTimestamp"))));
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = version },
            ["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Name == "Name" ? "name" : "",
                ["description"] = c.Name,
                ["priority"] = 0,
            }).ToArray()),
            ["rows"] = new JsonArray(objects.Select(o => (JsonNode)new JsonObject
            {
                ["cells"] = new JsonArray(columns.Select(c => c.Cell(o)).ToArray()),
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = o["metadata"]?.DeepClone(),
                },
            }).ToArray()),
        };
    }

    private static IEnumerable<JsonObject> Statuses(JsonObject pod) => (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>What kubectl prints for a pod: a waiting or terminated reason, else the phase.</summary>
    private static string PodStatus(JsonObject pod)
    {
        foreach (var status in Statuses(pod))
        {
            if (KubeJson.String(status["state"]?["waiting"] as JsonObject, "reason") is { } waiting)
            {
                return waiting;
            }
            if (KubeJson.String(status["state"]?["terminated"] as JsonObject, "reason") is { } terminated)
            {
                return terminated;
            }
        }
        return KubeJson.String(pod["status"] as JsonObject, "phase") ?? "Pending";
    }

    private static string JobStatus(JsonObject? status) =>
        (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().Any(c => KubeJson.String(c, "type") == "Complete") ? "Complete"
        : (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().Any(c => KubeJson.String(c, "type") == "Failed") ? "Failed"
        : "Running";

    private string Duration(JsonObject? status)
    {
        if (!DateTimeOffset.TryParse(KubeJson.String(status, "startTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            return "";
        }
        var end = DateTimeOffset.TryParse(KubeJson.String(status, "completionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var done) ? done : time.GetUtcNow();
        return $"{Math.Max(0, (int)(end - start).TotalSeconds)}s";
    }

    /// <summary>The short human age kubectl shows (e.g. <c>45s</c>, <c>3m12s</c>, <c>5h</c>, <c>2d</c>).</summary>
    private string Age(string? created)
    {
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return "<unknown>";
        }
        var age = time.GetUtcNow() - at;
        return age.TotalSeconds switch
        {
            < 0 => "0s",
            < 120 => $"{(int)age.TotalSeconds}s",
            < 600 => $"{(int)age.TotalMinutes}m{age.Seconds}s",
            < 3 * 3600 => $"{(int)age.TotalMinutes}m",
            < 8 * 3600 => $"{(int)age.TotalHours}h{age.Minutes}m",
            < 48 * 3600 => $"{(int)age.TotalHours}h",
            < 8 * 86400 => $"{(int)age.TotalDays}d{age.Hours}h",
            _ => $"{(int)age.TotalDays}d",
        };
    }
}
