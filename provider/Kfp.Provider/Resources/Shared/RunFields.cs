using System.Globalization;
using System.Text.Json;
using Kfp.Api.Models;
using Kfp.Provider.Engine;
using Kfp.Provider.Engine.Binding;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Resources;

/// <summary>What runs and recurring runs share: parameters ↔ <c>runtime_config</c>, RFC 3339 times, the pipeline reference.</summary>
internal static class RunFields
{
    /// <summary><c>parameters</c> is a map of names to JSON values.</summary>
    public static Rule<PropertyValue> ParametersRule { get; } = v => v is ObjectValue
        ? null
        : "must be a map of pipeline parameter names to values, e.g. {learningRate: 0.1, epochs: 3}";

    /// <summary>A time is RFC 3339 with whole seconds.</summary>
    public static Rule<string> TimeRule { get; } = v => ParseTime(v) is null
        ? $"'{v}' is not an RFC 3339 time with whole seconds; write it like 2026-01-01T00:00:00Z"
        : null;

    /// <summary>The <c>runtime_config</c> for <c>parameters</c> (null when there are none).</summary>
    public static RuntimeConfig? RuntimeConfig(PropertyValue? parameters)
    {
        if (parameters?.Plain is not ObjectValue { Map.Count: > 0 } map)
        {
            return null;
        }
        var values = map.Map.ToDictionary(
            p => p.Key,
            p => JsonDocument.Parse(JsonValues.ToJson(p.Value)?.ToJsonString() ?? "null").RootElement.Clone(),
            StringComparer.Ordinal);
        return new RuntimeConfig { Parameters = values };
    }

    /// <summary>The parameters a run was created with, as an input value (null when there are none).</summary>
    public static PropertyValue? Parameters(RuntimeConfig? config) =>
        config?.Parameters is { Count: > 0 } parameters
            ? PropertyValue.Of(PropertyMap.From(parameters.Select(p =>
                KeyValuePair.Create(p.Key, JsonValues.FromJson(System.Text.Json.Nodes.JsonNode.Parse(p.Value.GetRawText()))))))
            : null;

    /// <summary>The pipeline reference from <c>pipelineId</c> and <c>pipelineVersionId</c>.</summary>
    public static PipelineVersionReference Pipeline(string? pipelineId, string? pipelineVersionId) =>
        new(pipelineId ?? "", pipelineVersionId is { Length: > 0 } v ? v : null);

    /// <summary>An RFC 3339 UTC time in whole seconds (KFP's form); "" for none (KFP's zero time included).</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t && t.ToUnixTimeSeconds() != 0 ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>Parses an RFC 3339 time with whole seconds; null when it is not one (or there is none).</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        text is { Length: > 19 } && (text[19] is 'Z' or '+' or '-')
        && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
