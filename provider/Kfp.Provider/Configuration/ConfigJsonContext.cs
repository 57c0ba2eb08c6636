using System.Text.Json.Serialization;

namespace Kfp.Provider.Configuration;

[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
