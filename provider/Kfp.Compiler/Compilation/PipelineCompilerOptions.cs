namespace Kfp.Compiler;

/// <summary>How a <see cref="PipelineCompiler"/> caches, what it trusts and where it can run compilers.</summary>
public sealed record PipelineCompilerOptions
{
    /// <summary>Default bound of the disk cache: 512 MiB.</summary>
    public const long DefaultCacheMaxBytes = 512L * 1024 * 1024;

    /// <summary>Keep compile results on disk, shared by every process of this user (preview and up compile once).</summary>
    public bool DiskCache { get; init; }

    /// <summary>The disk cache's directory (the provider setting <c>cacheDir</c>); null: <c>$XDG_CACHE_HOME/pulumi-kfp</c>, else <c>~/.cache/pulumi-kfp</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The disk cache is kept under this size by evicting the least recently used entries.</summary>
    public long CacheMaxBytes { get; init; } = DefaultCacheMaxBytes;

    /// <summary>
    /// Frameworks whose commands may run on this machine (<c>local</c> and <c>container</c>). Default: all, for library
    /// callers that run their own frameworks; the provider passes its <c>trustedFrameworks</c> setting.
    /// </summary>
    public FrameworkTrust Trust { get; init; } = FrameworkTrust.All;

    /// <summary>Runs <c>cluster</c> compiles as Kubernetes Jobs; null when no cluster is configured.</summary>
    public IClusterCompiler? Cluster { get; init; }

    /// <summary>The container engine (<c>docker</c>, <c>podman</c> or a path); null: <c>docker</c>, else <c>podman</c>, on PATH.</summary>
    public string? ContainerEngine { get; init; }
}
