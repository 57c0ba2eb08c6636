namespace Kfp.Compiler.Definitions.Model;

/// <summary>Container resources as Kubernetes quantities (e.g. cpu "500m", memory "4Gi").</summary>
internal sealed record ResourcesDefinition(
    string? CpuLimit, string? CpuRequest, string? MemoryLimit, string? MemoryRequest,
    string? AcceleratorType, string? AcceleratorCount);
