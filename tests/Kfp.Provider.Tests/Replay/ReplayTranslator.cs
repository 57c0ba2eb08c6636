using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Provider.Tests.Replay;

/// <summary>
/// Turns a recorded call of another provider's resource into the same call for a kfp Experiment: URNs and
/// types are renamed, input bags become Experiment inputs (the recorded inputs folded into the description,
/// so a recorded change is a change here too), output bags and IDs become the ones our provider returned.
/// </summary>
internal sealed class ReplayTranslator(string experimentName, string kfpHost)
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _outputs = new(StringComparer.Ordinal);

    public const string Type = "kfp:index:Experiment";

    public JsonObject Translate(string method, JsonObject recorded)
    {
        var request = (JsonObject)recorded.DeepClone();
        var isProvider = request["type"]?.GetValue<string>().StartsWith("pulumi:providers:", StringComparison.Ordinal) == true
            || method is "CheckConfig" or "DiffConfig" or "Configure";
        if (isProvider)
        {
            return TranslateProvider(method, request);
        }
        if (request["urn"] is { } urn)
        {
            request["urn"] = Urn(urn.GetValue<string>());
        }
        if (request["type"] is not null)
        {
            request["type"] = Type;
        }
        if (request["name"] is not null)
        {
            request["name"] = experimentName;
        }
        if (request["id"] is { } id)
        {
            request["id"] = OurId(id.GetValue<string>());
        }
        foreach (var field in new[] { "news", "oldInputs", "inputs" })
        {
            MapInputs(request, field);
        }
        var outputsField = method switch
        {
            "Check" => "olds",
            "Diff" or "Update" => "olds",
            "Read" or "Delete" => "properties",
            _ => null,
        };
        if (method == "Check")
        {
            MapInputs(request, "olds");
        }
        else if (outputsField is not null && request[outputsField] is JsonObject && request["id"] is { } ourId)
        {
            request[outputsField] = _outputs.TryGetValue(ourId.GetValue<string>(), out var outputs) ? outputs.DeepClone() : new JsonObject();
        }
        if (method == "Create")
        {
            MapInputs(request, "properties");
        }
        return request;
    }

    /// <summary>Remembers what our provider answered: the ID mapping and the outputs state would hold.</summary>
    public void Observe(string method, JsonObject recordedRequest, JsonObject? recordedResponse, JsonObject ourResponse)
    {
        var ourId = ourResponse["id"]?.GetValue<string>();
        if (method == "Create" && recordedResponse?["id"] is { } recordedId && !string.IsNullOrEmpty(ourId))
        {
            _ids[recordedId.GetValue<string>()] = ourId;
            _outputs[ourId] = ourResponse["properties"]!.AsObject();
        }
        if (method == "Read" && !string.IsNullOrEmpty(ourId) && ourResponse["properties"] is JsonObject readOutputs)
        {
            _outputs[ourId] = readOutputs;
        }
        _ = recordedRequest;
    }

    private JsonObject TranslateProvider(string method, JsonObject request)
    {
        if (request["urn"] is { } urn)
        {
            request["urn"] = urn.GetValue<string>().Replace("pulumi:providers:random", "pulumi:providers:kfp", StringComparison.Ordinal)
                .Replace("pulumi:providers:testbridge", "pulumi:providers:kfp", StringComparison.Ordinal);
        }
        if (request["type"] is not null)
        {
            request["type"] = "pulumi:providers:kfp";
        }
        foreach (var field in new[] { "olds", "news", "oldInputs", "args" })
        {
            if (request[field] is JsonObject bag)
            {
                bag["version"] = "0.1.0";
                bag["host"] = kfpHost;
            }
        }
        _ = method;
        return request;
    }

    private void MapInputs(JsonObject request, string field)
    {
        if (request[field] is not JsonObject bag || bag.Count == 0)
        {
            return;
        }
        var description = string.Join(" ", bag
            .Where(p => p.Key is not ("id" or "result") && !p.Key.EndsWith("Copy", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value?.ToJsonString()}")));
        request[field] = new JsonObject { ["name"] = experimentName, ["description"] = description };
    }

    private string Urn(string recorded)
    {
        var parts = recorded.Split("::");
        return $"{parts[0]}::{parts[1]}::{Type}::{experimentName}";
    }

    private string OurId(string recorded) => _ids.TryGetValue(recorded, out var ours) ? ours : recorded;
}
