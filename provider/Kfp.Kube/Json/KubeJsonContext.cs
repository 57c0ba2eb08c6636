using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kfp.Kube.Models;

namespace Kfp.Kube.Json;

/// <summary>System.Text.Json source generation for the Kubernetes wire format (camelCase, nulls omitted, sorted maps).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SortedStringMapConverter), typeof(SortedBytesMapConverter)])]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(ServiceAccount))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubeList<Secret>))]
[JsonSerializable(typeof(KubeList<ConfigMap>))]
[JsonSerializable(typeof(KubeList<ServiceAccount>))]
[JsonSerializable(typeof(KubeList<Namespace>))]
[JsonSerializable(typeof(KubeStatus))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
