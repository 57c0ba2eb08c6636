using System.Globalization;
using System.Text.Json;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>What runs and recurring runs share: parameters ↔ <c>runtime_config</c>, RFC 3339 times, the pipeline reference.</summary>
internal static class RunFields
{
    /// <summary>Checks that <c>parameters</c> is a map of names to JSON values.</summary>
    public static void ValidateParameters(InputReader inputs)
    {
        if (inputs.Raw("parameters") is not null and not ObjectValue and not NullValue)
        {
            inputs.Fail("parameters", "must be a map of pipeline parameter names to values, e.g. {learningRate: 0.1, epochs: 3}");
        }
    }

    /// <summary>The <c>runtime_config</c> for the inputs' <c>parameters</c> (null when there are none).</summary>
    public static RuntimeConfig? RuntimeConfig(PropertyMap inputs)
    {
        if (inputs.Get("parameters").Plain is not ObjectValue { Map.Count: > 0 } parameters)
        {
            return null;
        }
        var values = parameters.Map.ToDictionary(
            p => p.Key,
            p => JsonDocument.Parse(JsonValues.ToJson(p.Value)?.ToJsonString() ?? "null").RootElement.Clone(),
            StringComparer.Ordinal);
        return new RuntimeConfig { Parameters = values };
    }

    /// <summary>The parameters a run was created with, as an input value (null when there are none).</summary>
    public static PropertyValue Parameters(RuntimeConfig? config) =>
        config?.Parameters is { Count: > 0 } parameters
            ? PropertyValue.Of(PropertyMap.From(parameters.Select(p =>
                KeyValuePair.Create(p.Key, JsonValues.FromJson(System.Text.Json.Nodes.JsonNode.Parse(p.Value.GetRawText()))))))
            : PropertyValue.Null;

    /// <summary>The pipeline reference from <c>pipelineId</c> and <c>pipelineVersionId</c>.</summary>
    public static PipelineVersionReference Pipeline(InputReader inputs) =>
        new(inputs.RequiredString("pipelineId"), inputs.String("pipelineVersionId") is { Length: > 0 } v ? v : null);

    /// <summary>An RFC 3339 UTC time in whole seconds (KFP's form); "" for none (KFP's zero time included).</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t && t.ToUnixTimeSeconds() != 0 ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>Parses an RFC 3339 time with whole seconds; null when it is not one.</summary>
    public static DateTimeOffset? ParseTime(string text) =>
        text.Length > 19 && (text[19] is 'Z' or '+' or '-')
        && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
