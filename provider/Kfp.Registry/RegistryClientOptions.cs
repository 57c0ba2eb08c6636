namespace Kfp.Registry;

/// <summary>Time limits of a <see cref="RegistryClient"/>.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Time limit of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one operation (a login check, or resolving one image: challenge, token and manifest requests together).</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
