using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kfp.Kube.Tests.Support;

/// <summary>Fault injection through the emulator's <c>/_emulator/faults</c> control endpoint.</summary>
public static class Faults
{
    public static async Task InjectAsync(HttpClient http, string path, int status, int count, string? method = null, string? body = null)
    {
        var rule = new JsonObject { ["path"] = path, ["status"] = status, ["count"] = count };
        if (body is not null)
        {
            rule["body"] = body;
        }
        if (method is not null)
        {
            rule["method"] = method;
        }
        using var content = new StringContent(rule.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/_emulator/faults", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }
}
