using System.Text.Json.Serialization;

namespace Kfp.Emulator;

/// <summary>The one JSON line the emulator prints on start-up (DESIGN.md contract).</summary>
public sealed record EmulatorEndpoints(
    [property: JsonPropertyName("kfp")] string Kfp,
    [property: JsonPropertyName("kubernetes")] string Kubernetes,
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("kubeconfig")] string Kubeconfig);

[JsonSerializable(typeof(EmulatorEndpoints))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
