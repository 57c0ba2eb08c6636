using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace Kfp.Kube.Json;

/// <summary>
/// KubernetesClient's JSON settings plus what its AOT source-generated context lacks: <c>managedFields[].fieldsV1</c>
/// is an <see cref="object"/> holding a <see cref="JsonElement"/>, so an object read from the server could not be
/// written back (PUT after GET) without this.
/// </summary>
public static class KubeJson
{
    /// <summary>The options every client of this project uses (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A deep copy of a model (the library's models are mutable classes).</summary>
    public static T Clone<T>(T obj)
        where T : class => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj, Options), Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(new KubernetesClientConfiguration().JsonSerializerOptions);
        Extend(options);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Adds the missing contracts to a client's own copy of the library's options.</summary>
    internal static void Extend(JsonSerializerOptions options) =>
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(options.TypeInfoResolver, ExtraJsonContext.Default);
}

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ExtraJsonContext : JsonSerializerContext;
