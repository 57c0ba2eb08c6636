using System.Text.Json;

namespace Kfp.Api.Tests.Support;

/// <summary>Builds typed run parameters from JSON literals: <c>Params.Of(("a", "1"), ("msg", "\"hi\""))</c>.</summary>
public static class Params
{
    public static IReadOnlyDictionary<string, JsonElement> Of(params (string Name, string Json)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonDocument.Parse(v.Json).RootElement.Clone());
}
