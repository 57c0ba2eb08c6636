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
