using System.Text.Json.Serialization;

namespace Kfp.Emulator.Kfp.Pipelines;

/// <summary>The upload endpoints' <c>tags</c> query parameter: a JSON object of strings.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TagsJsonContext : JsonSerializerContext;
